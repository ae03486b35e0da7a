using System.Net;
using System.Net.Http.Json;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Webhooks;
using CommunitySaaS.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Webhooks;

/// <summary>Backoff, the 3-day retry period and the 5-day disable, on a clock the test moves; the test steps the dispatcher itself.</summary>
public abstract class WebhookRetryTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task FailingEndpoint_BacksOffExponentially_FailsAfter3Days_AndIsDisabledAfter5()
    {
        await using var receiver = new WebhookReceiver { Answer = (_, _) => (503, TimeSpan.Zero) };
        var clock = host.Time();
        var tenant = await host.CreateTenantAsync();
        var endpoint = await tenant.CreateEndpoint(receiver.Url("down"), "*");
        var first = await tenant.Ping(endpoint.Id);
        var second = await tenant.Ping(endpoint.Id);
        var start = clock.GetUtcNow();
        var dispatcher = host.Services.GetRequiredService<WebhookDispatcher>();

        var attempts = new List<DateTimeOffset>();
        WebhookDelivery delivery;
        while (true)
        {
            await dispatcher.DeliverDueAsync(CancellationToken.None);
            var stored = await host.StoredDeliveries(endpoint.Id);
            delivery = stored.Single(d => d.Id == first);
            stored.Single(d => d.Id == second).Attempts.ShouldBe(0, "a later delivery waits while the earlier one is retried");
            if (delivery.Attempts > attempts.Count) attempts.Add(clock.GetUtcNow());
            if (delivery.Status != WebhookDeliveryStatus.Pending) break;
            attempts.Count.ShouldBeLessThan(60);
            clock.SetUtcNow(delivery.NextAttemptAt);
        }

        delivery.Status.ShouldBe(WebhookDeliveryStatus.Failed);
        (attempts[^1] - start).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromHours(72));
        (attempts[^2] - start).ShouldBeLessThan(TimeSpan.FromHours(72));
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        for (var i = 0; i < gaps.Count; i++)
        {
            var nominal = Math.Min(360 * 60, 0.2 * Math.Pow(2, i));
            gaps[i].ShouldBeInRange(nominal * 0.75 - 0.001, nominal * 1.25 + 0.001, $"gap {i + 1}");
        }
        (await host.StoredEndpoint(endpoint.Id)).Enabled.ShouldBeTrue("3 days of failures are not yet 5");

        // The second delivery's own 3 days ran out with the first's; new events keep the endpoint failing until day 5.
        for (var i = 0; i < 100 && (await host.StoredEndpoint(endpoint.Id)).Enabled; i++)
        {
            await dispatcher.DeliverDueAsync(CancellationToken.None);
            var pending = (await host.StoredDeliveries(endpoint.Id)).Where(d => d.Status == WebhookDeliveryStatus.Pending).ToList();
            if (pending.Count == 0) await tenant.Ping(endpoint.Id);
            else clock.SetUtcNow(pending.Min(d => d.NextAttemptAt) is var next && next > clock.GetUtcNow() ? next : clock.GetUtcNow());
        }
        var disabled = await (await tenant.Client.GetAsync(tenant.Url($"webhook-endpoints/{endpoint.Id}"))).ShouldHaveStatus(HttpStatusCode.OK);
        disabled["enabled"]!.GetValue<bool>().ShouldBeFalse();
        (DateTimeOffset.Parse(disabled["disabledForFailuresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) - start)
            .ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(5));
        (await tenant.Client.GetStringAsync(tenant.Url("audit-events?limit=100"))).ShouldContain("webhook_endpoint.disabled_for_failures");

        var sent = receiver.Received.Count;
        clock.Advance(TimeSpan.FromDays(1));
        (await dispatcher.DeliverDueAsync(CancellationToken.None)).ShouldBe(0, "a disabled endpoint gets nothing");
        receiver.Received.Count.ShouldBe(sent);

        var enabled = await (await tenant.Client.PatchAsync(tenant.Url($"webhook-endpoints/{endpoint.Id}"), JsonContent.Create(new { enabled = true }))).ShouldHaveStatus(HttpStatusCode.OK);
        enabled["disabledForFailuresAt"].ShouldBeNull();
        enabled["failingSince"].ShouldBeNull();
    }

    [Fact]
    public async Task Success_ClearsTheFailingRun()
    {
        await using var receiver = new WebhookReceiver { Answer = (_, n) => (n == 1 ? 500 : 200, TimeSpan.Zero) };
        var clock = host.Time();
        var tenant = await host.CreateTenantAsync();
        var endpoint = await tenant.CreateEndpoint(receiver.Url("flaky"), "*");
        await tenant.Ping(endpoint.Id);
        var dispatcher = host.Services.GetRequiredService<WebhookDispatcher>();
        await dispatcher.DeliverDueAsync(CancellationToken.None);
        (await host.StoredEndpoint(endpoint.Id)).FailingSince.ShouldNotBeNull();
        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DeliverDueAsync(CancellationToken.None);
        (await host.StoredEndpoint(endpoint.Id)).FailingSince.ShouldBeNull();
        (await host.StoredDeliveries(endpoint.Id)).ShouldHaveSingleItem().Status.ShouldBe(WebhookDeliveryStatus.Delivered);
    }
}

public sealed class WebhookRetryTestsOnSqlite(WebhookFakeClockSqliteHost host) : WebhookRetryTests<WebhookFakeClockSqliteHost>(host);

public sealed class WebhookRetryTestsOnPostgres(WebhookFakeClockPostgresHost host) : WebhookRetryTests<WebhookFakeClockPostgresHost>(host);
