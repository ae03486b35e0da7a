using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests.Webhooks;

/// <summary>The delivery worker polls only once a minute here: a delivery that arrives quickly was woken by its fan-out's commit.</summary>
public static class WebhookLongPoll
{
    public static Dictionary<string, string?> Settings()
    {
        var settings = WebhookSettings.Loopback();
        settings["Webhooks:PollSeconds"] = "60";
        return settings;
    }
}

public sealed class WebhookLongPollSqliteHost() : TestHost(DatabaseProvider.Sqlite, WebhookLongPoll.Settings());

public sealed class WebhookLongPollPostgresHost() : TestHost(DatabaseProvider.Postgres, WebhookLongPoll.Settings());

public abstract class WebhookWakeTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task FanOut_WakesTheWorkerAfterItsCommit_WhenThePollIsAMinuteAway()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        var endpoint = await tenant.CreateEndpoint(receiver.Url("wake"), "member.created");
        // The first delivery warms the path (handlers, HTTP client, key ring); a cold start is not what is measured.
        await tenant.Ping(endpoint.Id);
        await receiver.WaitForAsync("wake", 1);
        await Task.Delay(500);

        for (var i = 1; i <= 5; i++)
        {
            var handled = DateTimeOffset.UtcNow;
            await tenant.UpsertMember($"wake-{i}");
            var received = await receiver.WaitForAsync("wake", i + 1, TimeSpan.FromSeconds(10));
            received.Count.ShouldBe(i + 1, $"member wake-{i} waited for the worker's poll: it was woken before the fan-out committed");
            received[^1].Body.ShouldContain($"wake-{i}");
            (received[^1].At - handled).ShouldBeLessThan(TimeSpan.FromSeconds(2), $"member wake-{i}");
        }
    }
}

public sealed class WebhookWakeTestsOnSqlite(WebhookLongPollSqliteHost host) : WebhookWakeTests<WebhookLongPollSqliteHost>(host);

public sealed class WebhookWakeTestsOnPostgres(WebhookLongPollPostgresHost host) : WebhookWakeTests<WebhookLongPollPostgresHost>(host);
