using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Webhooks;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests.Webhooks;

/// <summary>Two nodes' delivery workers on one PostgreSQL database: every delivery reaches its receiver once.</summary>
public sealed class WebhookTwoNodeTests(WebhookPostgresHost host) : IClassFixture<WebhookPostgresHost>
{
    [Fact]
    public async Task TwoWorkers_DeliverEachDeliveryOnce_WhenBothRunOnOneDatabase()
    {
        var settings = WebhookSettings.Loopback();
        settings["Database:ConnectionString"] = host.ConnectionString;
        await using var second = new TestHost(DatabaseProvider.Postgres, settings);
        _ = second.Services;
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        var endpoints = new List<string>();
        for (var i = 0; i < 10; i++) endpoints.Add((await tenant.CreateEndpoint(receiver.Url($"node/{i}"), "*")).Id);
        var sent = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 20 },
            async (i, _) => { var id = await tenant.Ping(endpoints[i % 10]); lock (sent) sent.Add(id); });

        await WebhookScenario.WaitUntil(() => Task.FromResult(receiver.Received.Select(r => r.Id).Distinct().Count() >= 200), "200 deliveries", TimeSpan.FromSeconds(60));
        await Task.Delay(500);
        receiver.Received.Select(r => r.Id).Order().ShouldBe(sent.Order(), "each delivery arrives exactly once");
        foreach (var endpoint in endpoints)
        {
            (await host.StoredDeliveries(endpoint)).ShouldAllBe(d => d.Status == WebhookDeliveryStatus.Delivered && d.Attempts == 1);
        }
    }
}
