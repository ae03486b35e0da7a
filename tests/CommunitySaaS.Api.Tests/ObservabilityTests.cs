using System.Net;
using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests;

/// <summary>A node without the Jobs role: its events stay pending, so the outbox lag becomes visible.</summary>
public sealed class NoJobsHost() : TestHost(DatabaseProvider.Sqlite, new Dictionary<string, string?>
{
    ["Roles"] = "Api,Admin", ["Outbox:DegradedAfterSeconds"] = "1",
});

public sealed class ObservabilityTests(NoJobsHost host) : IClassFixture<NoJobsHost>
{
    [Fact]
    public async Task Ready_ReportsDegraded_WhenTheOldestPendingEventIsOlderThanTheLimit()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-1", "m1");
        await Task.Delay(1500);

        using var client = host.CreateClient();
        var ready = await client.GetAsync("/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Degraded");
    }

    [Fact]
    public async Task Metrics_ServesPrometheusText_WithTheGroupCommitAndJobDurationInstruments()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-2", "m1");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunOnceAsync("outbox-purge", Guid.NewGuid().ToString("N"), CancellationToken.None);
        }

        using var client = host.CreateClient();
        var text = await client.GetStringAsync("/metrics");

        text.ShouldContain("communitysaas_group_commit_batch_size");
        text.ShouldContain("communitysaas_job_duration_seconds");
        text.ShouldContain("job=\"outbox-purge\"");
    }
}
