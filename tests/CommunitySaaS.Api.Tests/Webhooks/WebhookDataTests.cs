using System.Net;
using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Api.Tests.Points;
using CommunitySaaS.Api.Tests.Tiers;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Rewards;
using CommunitySaaS.Core.Tiers;
using CommunitySaaS.Core.Webhooks;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests.Webhooks;

/// <summary>
/// A webhook's <c>data</c> is the REST resource, as a GET showed it right after the write that raised the event; and
/// rendered again after later writes, it still shows the event's moment, not the resource now.
/// </summary>
public abstract class WebhookDataTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task OrderEvents_CarryTheOrderAsGetShowedItAfterEachWrite()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        await tenant.CreateEndpoint(receiver.Url("orders"), OrderPaid.TypeName, OrderRefunded.TypeName, OrderFulfilled.TypeName);
        await tenant.UpsertMember("shopper-1");

        await tenant.PlaceOrder("SHOP-1", "shopper-1");
        var paid = await GetOrder(tenant);
        await (await tenant.Client.PostJson(tenant.Url("orders/SHOP-1/refunds"), new { refundId = "RF-1", amount = 7.5m })).ShouldHaveStatus(HttpStatusCode.Created);
        var firstRefund = await GetOrder(tenant);
        await (await tenant.Client.PostAsync(tenant.Url("orders/SHOP-1/fulfill"), null)).ShouldHaveStatus(HttpStatusCode.OK);
        var fulfilled = await GetOrder(tenant);
        await (await tenant.Client.PostJson(tenant.Url("orders/SHOP-1/refunds"), new { refundId = "RF-2", lines = new[] { new { lineNumber = 2, quantity = 1 } } }))
            .ShouldHaveStatus(HttpStatusCode.Created);
        var secondRefund = await GetOrder(tenant);

        var expected = new Dictionary<string, JsonNode>
        {
            ["order.paid"] = paid, ["order.refunded RF-1"] = firstRefund, ["order.fulfilled"] = fulfilled, ["order.refunded RF-2"] = secondRefund,
        };
        var received = await receiver.WaitForAsync("orders", 4);
        received.Select(r => JsonNode.Parse(r.Body)!).ToDictionary(OrderKey, b => b["data"]!).ShouldMatch(expected);
        (await host.RenderWebhooksAgainAsync(tenant, OrderPaid.TypeName, OrderRefunded.TypeName, OrderFulfilled.TypeName))
            .ToDictionary(OrderKey, b => b["data"]!).ShouldMatch(expected);
    }

    [Fact]
    public async Task MemberPointsAndRedemptionEvents_CarryTheirResources_AsTheApiReadsThem()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        string[] types = [MemberCreated.TypeName, PointsAdjusted.TypeName, PointsRedeemed.TypeName, RedemptionCreated.TypeName, RedemptionCanceled.TypeName];
        await tenant.CreateEndpoint(receiver.Url("member"), types);

        await tenant.UpsertMember("shopper-2", new { name = "Ada Lin", email = "ada@example.com", tags = new[] { "vip" } });
        var member = await (await tenant.Client.GetAsync(tenant.Url("members/shopper-2"))).ShouldHaveStatus(HttpStatusCode.OK);
        await (await tenant.Adjust("shopper-2", 1000, "k-1", "welcome gift")).ShouldHaveStatus(HttpStatusCode.Created);
        var reward = (await (await tenant.Client.PostJson(tenant.Url("rewards"), new { code = "tea", name = "Tea", kind = "product", pointsCost = 300 }))
            .ShouldHaveStatus(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var redemptionId = (await (await tenant.Client.PostJson(tenant.Url("members/shopper-2/redemptions"), new { rewardId = reward }, "r-1"))
            .ShouldHaveStatus(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var active = await Redemption(tenant, redemptionId);
        await (await tenant.Client.PostAsync(tenant.Url($"members/shopper-2/redemptions/{redemptionId}/cancel"), null)).ShouldHaveStatus(HttpStatusCode.OK);
        var canceled = await Redemption(tenant, redemptionId);
        var entries = (await tenant.EntriesOf("shopper-2")).ToDictionary(e => e!["id"]!.GetValue<string>(), e => e!);

        var received = (await receiver.WaitForAsync("member", 5)).Select(r => JsonNode.Parse(r.Body)!).ToList();
        foreach (var bodies in new[] { received, await host.RenderWebhooksAgainAsync(tenant, types) })
        {
            var byType = bodies.ToDictionary(b => b["type"]!.GetValue<string>(), b => b["data"]!);
            byType[MemberCreated.TypeName].ShouldMatch(member);
            byType[RedemptionCreated.TypeName].ShouldMatch(active);
            byType[RedemptionCanceled.TypeName].ShouldMatch(canceled);
            foreach (var (type, points) in new[] { (PointsAdjusted.TypeName, 1000L), (PointsRedeemed.TypeName, -300L) })
            {
                var change = byType[type];
                change["memberExternalId"]!.GetValue<string>().ShouldBe("shopper-2");
                change["memberId"]!.GetValue<string>().ShouldBe(member["id"]!.GetValue<string>());
                change["points"]!.GetValue<long>().ShouldBe(points);
                var shown = change["entries"]!.AsArray();
                shown.ShouldNotBeEmpty(type);
                foreach (var entry in shown) entry!.ShouldMatch(entries[entry!["id"]!.GetValue<string>()]);
                shown.Sum(e => e!["points"]!.GetValue<long>()).ShouldBe(points);
            }
        }
    }

    [Fact]
    public async Task TierChanged_CarriesTheChangeAsTheTierHistoryListsIt()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        await tenant.DefineTemplateTiers();
        await tenant.CreateEndpoint(receiver.Url("tiers"), TierChanged.TypeName);
        await tenant.UpsertMember("shopper-3");

        await tenant.Order("o-1", "shopper-3", unitPrice: 300m);
        await tenant.WaitForTier("shopper-3", "silver");

        var data = JsonNode.Parse((await receiver.WaitForAsync("tiers", 1)).ShouldHaveSingleItem().Body)!["data"]!;
        data.ShouldMatch((await tenant.History("shopper-3")).ShouldHaveSingleItem()!);
        data["memberExternalId"]!.GetValue<string>().ShouldBe("shopper-3");
        data["to"]!.GetValue<string>().ShouldBe("silver");
    }

    private static string OrderKey(JsonNode body)
    {
        var type = body["type"]!.GetValue<string>();
        return type == OrderRefunded.TypeName ? $"{type} {body["data"]!["refunds"]!.AsArray()[^1]!["refundId"]!.GetValue<string>()}" : type;
    }

    private static async Task<JsonNode> GetOrder(TestTenant tenant) =>
        await (await tenant.Client.GetAsync(tenant.Url("orders/SHOP-1"))).ShouldHaveStatus(HttpStatusCode.OK);

    private static async Task<JsonNode> Redemption(TestTenant tenant, string id) =>
        (await (await tenant.Client.GetAsync(tenant.Url("members/shopper-2/redemptions"))).ShouldHaveStatus(HttpStatusCode.OK))["data"]!.AsArray()
        .Single(r => r!["id"]!.GetValue<string>() == id)!;
}

public static class JsonMatching
{
    public static void ShouldMatch(this JsonNode actual, JsonNode expected) =>
        JsonNode.DeepEquals(actual, expected).ShouldBeTrue($"webhook data\n{actual.ToJsonString()}\nis not the REST resource\n{expected.ToJsonString()}");

    public static void ShouldMatch(this Dictionary<string, JsonNode> actual, Dictionary<string, JsonNode> expected)
    {
        actual.Keys.ShouldBe(expected.Keys, ignoreOrder: true);
        foreach (var (key, node) in expected) actual[key].ShouldMatch(node);
    }
}

public sealed class WebhookDataTestsOnSqlite(WebhookSqliteHost host) : WebhookDataTests<WebhookSqliteHost>(host);

public sealed class WebhookDataTestsOnPostgres(WebhookPostgresHost host) : WebhookDataTests<WebhookPostgresHost>(host);
