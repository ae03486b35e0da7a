using System.Net;
using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Api.Tests.Points;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Testing;
using StandardWebhooks;

namespace CommunitySaaS.Api.Tests.Webhooks;

/// <summary>A storefront subscribed to <c>points.expiring_soon</c> receives the nightly digest, signed, with its breakdown.</summary>
public abstract class ExpiringSoonWebhookTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Digest_IsDeliveredSigned_ToAnEndpointSubscribedToIt()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        var endpoint = await tenant.CreateEndpoint(receiver.Url("expiring"), PointsExpiringSoon.TypeName);
        await tenant.CreateEndpoint(receiver.Url("earned-only"), PointsEarned.TypeName);
        await (await tenant.SavePolicy(new { expiryMode = "rollingMonths", expiryCount = 1, returnPolicy = "reverseFully", expiryNoticeDays = new[] { 7 } }))
            .ShouldHaveStatus(HttpStatusCode.OK);
        await tenant.UpsertMember("shopper-7");
        await (await tenant.Adjust("shopper-7", 25, "k-1")).ShouldHaveStatus(HttpStatusCode.Created);
        var expiresAt = (await tenant.EntriesOf("shopper-7")).Single()!["expiresAt"]!.GetValue<DateTimeOffset>();
        var night = DateOnly.FromDateTime(expiresAt.UtcDateTime).AddDays(-7);

        var sent = await host.WithAsync<PointsExpiryNotifications, long>(tenant, n => n.RunAsync(night, DateTimeOffset.UtcNow, CancellationToken.None));

        sent.ShouldBe(1);
        var received = (await receiver.WaitForAsync("expiring", 1)).ShouldHaveSingleItem();
        new StandardWebhook(endpoint.Secret).Verify(received.Body, received.Headers());
        var body = JsonNode.Parse(received.Body)!;
        body["type"]!.GetValue<string>().ShouldBe("points.expiring_soon");
        var data = body["data"]!;
        data["externalId"]!.GetValue<string>().ShouldBe("shopper-7");
        data["noticeDate"]!.GetValue<string>().ShouldBe(night.ToString("yyyy-MM-dd"));
        data["withinDays"]!.GetValue<int>().ShouldBe(7);
        data["points"]!.GetValue<long>().ShouldBe(25);
        data["firstExpiresAt"]!.GetValue<DateTimeOffset>().ShouldBe(expiresAt);
        var breakdown = data["breakdown"]!.AsArray().ShouldHaveSingleItem()!;
        breakdown["points"]!.GetValue<long>().ShouldBe(25);
        breakdown["expiresAt"]!.GetValue<DateTimeOffset>().ShouldBe(expiresAt);
        await Task.Delay(500);
        receiver.At("earned-only").Select(r => JsonNode.Parse(r.Body)!["type"]!.GetValue<string>()).ShouldAllBe(t => t == "points.earned");
    }
}

public sealed class ExpiringSoonWebhookTestsOnSqlite(WebhookSqliteHost host) : ExpiringSoonWebhookTests<WebhookSqliteHost>(host);

public sealed class ExpiringSoonWebhookTestsOnPostgres(WebhookPostgresHost host) : ExpiringSoonWebhookTests<WebhookPostgresHost>(host);
