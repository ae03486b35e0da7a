using System.Globalization;
using System.Net;
using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Events;
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

    [Fact]
    public async Task Metrics_TimeEachOutboxHandler_ByHandlerAndOutcome()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-3", "m1");
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.ProcessPendingAsync(CancellationToken.None) > 0)
        {
        }

        using var client = host.CreateClient();
        var text = await client.GetStringAsync("/metrics");

        var earned = text.Split('\n').Where(l => l.StartsWith("communitysaas_outbox_handler_duration_seconds_count{", StringComparison.Ordinal)
            && l.Contains("handler=\"CommunitySaaS.Core.Points.EarnOnOrderPaid\"", StringComparison.Ordinal)
            && l.Contains("outcome=\"handled\"", StringComparison.Ordinal)).ToList();
        earned.ShouldHaveSingleItem();
        long.Parse(earned[0].Split(' ')[1], CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
    }
}
