using System.Collections.Concurrent;
using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Infrastructure;

/// <summary>A host with test jobs that report to <see cref="Probe"/>: platform jobs that can be held mid-run, and a per-brand job that fails on demand.</summary>
public abstract class JobHost(DatabaseProvider provider) : TestHost(provider)
{
    public const string GateA = "test-gate-a";
    public const string GateB = "test-gate-b";
    public const string PerBrand = "test-per-brand";

    public JobProbe Probe { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Probe);
            services.AddScoped<IRecurringJob>(sp => new GateJob(GateA, sp.GetRequiredService<JobProbe>()));
            services.AddScoped<IRecurringJob>(sp => new GateJob(GateB, sp.GetRequiredService<JobProbe>()));
            services.AddScoped<IRecurringJob, PerBrandJob>();
        });
    }

    private sealed class GateJob(string id, JobProbe probe) : IPlatformJob
    {
        public string Id => id;

        public string Cron => Hangfire.Cron.Never();

        public async Task<JobStepResult> RunPlatformAsync(JobRunContext run, CancellationToken ct)
        {
            probe.Count(id);
            await probe.PassAsync(id);
            return new JobStepResult(1);
        }
    }

    private sealed class PerBrandJob(JobProbe probe, ITenantContext context) : ITenantJob
    {
        public string Id => PerBrand;

        public string Cron => Hangfire.Cron.Never();

        public Task<JobStepResult> RunTenantAsync(TenantInfo tenant, JobRunContext run, CancellationToken ct)
        {
            probe.Count(tenant.Id);
            probe.Cutoffs[(tenant.Id, run.Attempt)] = run.Cutoff;
            if (context.TenantId != tenant.Id) throw new InvalidOperationException("The step ran outside its brand's scope.");
            if (probe.Failing.ContainsKey(tenant.Id)) throw new InvalidOperationException($"Brand {tenant.Id} is set to fail.");
            return Task.FromResult(new JobStepResult(1));
        }
    }
}

public sealed class JobProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _entered = new();

    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public ConcurrentDictionary<(string Tenant, int Attempt), DateTimeOffset> Cutoffs { get; } = new();

    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    public void Count(string key) => Calls.AddOrUpdate(key, 1, (_, n) => n + 1);

    public int CallsOf(string key) => Calls.GetValueOrDefault(key);

    /// <summary>The next step of the job waits at its gate until <see cref="Release"/>.</summary>
    public void Hold(string jobId)
    {
        _gates[jobId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _entered[jobId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public Task Entered(string jobId) => _entered[jobId].Task.WaitAsync(TimeSpan.FromSeconds(30));

    public void Release(string jobId)
    {
        if (_gates.TryRemove(jobId, out var gate)) gate.TrySetResult();
    }

    public async Task PassAsync(string jobId)
    {
        if (_entered.TryGetValue(jobId, out var entered)) entered.TrySetResult();
        if (_gates.TryGetValue(jobId, out var gate)) await gate.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}

public sealed class JobSqliteHost() : JobHost(DatabaseProvider.Sqlite);

public sealed class JobPostgresHost() : JobHost(DatabaseProvider.Postgres);
