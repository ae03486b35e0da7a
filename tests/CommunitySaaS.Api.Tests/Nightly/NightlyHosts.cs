using System.Collections.Concurrent;
using CommunitySaaS.Core.Nightly;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tiers;
using CommunitySaaS.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CommunitySaaS.Api.Tests.Nightly;

/// <summary>A fake-clock host whose loyalty night runs the real steps, counting them per brand and failing one on demand.</summary>
public abstract class NightlyHost(DatabaseProvider provider) : TestHost(provider, clock: new FakeTimeProvider(Infrastructure.FakeClock.Start))
{
    public NightProbe Probe { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Probe);
            services.RemoveAll<ILoyaltyNightSteps>();
            services.AddScoped<ILoyaltyNightSteps, ProbedSteps>();
        });
    }

    private sealed class ProbedSteps(
        PointsRelease release, TierBatchEvaluation tiers, PointsExpiry expiry, PointsExpiryNotifications notices, ITenantContext tenant, NightProbe probe)
        : ILoyaltyNightSteps
    {
        public async Task<long> ReleasePendingAsync(DateTimeOffset cutoff, CancellationToken ct)
        {
            Enter("release");
            return await release.RunAsync(cutoff, ct);
        }

        public Task<TierPassResult> EvaluateTiersAsync(DateTimeOffset cutoff, CancellationToken ct)
        {
            Enter("tiers");
            return tiers.RunAsync(cutoff, "nightly", ct);
        }

        public async Task<long> ExpireAsync(DateTimeOffset cutoff, CancellationToken ct)
        {
            Enter("expire");
            return await expiry.RunAsync(cutoff, ct);
        }

        public async Task<long> NotifyExpiringAsync(DateOnly night, DateTimeOffset cutoff, CancellationToken ct)
        {
            Enter("notify");
            return await notices.RunAsync(night, cutoff, ct);
        }

        private void Enter(string step)
        {
            var id = tenant.TenantId!;
            probe.Calls.AddOrUpdate((id, step), 1, (_, n) => n + 1);
            if (probe.Failing.TryGetValue(id, out var failing) && failing == step) throw new InvalidOperationException($"Step {step} of brand {id} is set to fail.");
        }
    }
}

public sealed class NightProbe
{
    public ConcurrentDictionary<(string Tenant, string Step), int> Calls { get; } = new();

    /// <summary>Brand id → the step that throws for it.</summary>
    public ConcurrentDictionary<string, string> Failing { get; } = new();

    public int CallsOf(string tenant, string step) => Calls.GetValueOrDefault((tenant, step));
}

public sealed class NightlySqliteHost() : NightlyHost(DatabaseProvider.Sqlite);

public sealed class NightlyPostgresHost() : NightlyHost(DatabaseProvider.Postgres);
