using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests;

/// <summary>Order events carry what points, commission and settlement need, in minor units, numbered per order.</summary>
public abstract class OrderEventContentTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task OrderPaidAndRefunded_CarryLinesInMinorUnits_AttributionAndTheCumulativeRefundedShare()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        var community = (await tenant.CreateCommunity("Club"))["id"]!.GetValue<string>();
        var paidAt = DateTimeOffset.UtcNow.AddHours(-2);
        var order = await (await tenant.Client.PostJson(tenant.Url("orders"), new
        {
            orderId = "o-1", memberExternalId = "m1", currency = "USD", communityId = community, kosShareCode = "KOS-7", paidAt, shipping = 5m, discount = 2m,
            lines = new[] { new { sku = "A", category = "tea", quantity = 2, unitPrice = 10m, discount = 0m }, new { sku = "B", category = "home", quantity = 1, unitPrice = 20m, discount = 0m } },
        })).ShouldHaveStatus(HttpStatusCode.Created);
        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-1", lines = new[] { new { lineNumber = 1, quantity = 1 } } }))
            .ShouldHaveStatus(HttpStatusCode.Created);

        var events = (await host.EventsAsync(tenant.Id)).Where(e => e.Type.StartsWith("order.", StringComparison.Ordinal)).OrderBy(e => e.Sequence).ToList();
        events.Select(e => (e.Type, e.Sequence)).ShouldBe([("order.paid", 1L), ("order.refunded", 2L)]);
        events.ShouldAllBe(e => e.AggregateId == order["id"]!.GetValue<string>());

        var paid = events[0].Payload;
        paid["schemaVersion"]!.GetValue<int>().ShouldBe(2);
        paid["currency"]!.GetValue<string>().ShouldBe("USD");
        paid["communityId"]!.GetValue<string>().ShouldBe(community);
        paid["kosShareCode"]!.GetValue<string>().ShouldBe("KOS-7");
        paid["totalMinor"]!.GetValue<long>().ShouldBe(4300);
        paid["shippingMinor"]!.GetValue<long>().ShouldBe(500);
        paid["lines"]!.AsArray().Select(l => (l!["sku"]!.GetValue<string>(), l["category"]!.GetValue<string>(), l["quantity"]!.GetValue<int>(), l["paidMinor"]!.GetValue<long>()))
            .ShouldBe([("A", "tea", 2, 1900L), ("B", "home", 1, 1900L)]);
        paid["paidAt"]!.GetValue<DateTimeOffset>().ShouldBe(paidAt, TimeSpan.FromMilliseconds(1));
        paid["recordedAt"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThan(paidAt);
        paid["returnWindowEndsAt"]!.GetValue<DateTimeOffset>().ShouldBe(paidAt.AddDays(14), TimeSpan.FromMilliseconds(1));

        var refunded = events[1].Payload;
        refunded["amountMinor"]!.GetValue<long>().ShouldBe(950);
        var line = refunded["lines"]!.AsArray().ShouldHaveSingleItem()!;
        (line["lineNumber"]!.GetValue<int>(), line["quantity"]!.GetValue<int>(), line["amountMinor"]!.GetValue<long>()).ShouldBe((1, 1, 950L));
        (line["refundedMinor"]!.GetValue<long>(), line["paidMinor"]!.GetValue<long>(), line["refundedQuantity"]!.GetValue<int>(), line["lineQuantity"]!.GetValue<int>())
            .ShouldBe((950L, 1900L, 1, 2));
        (refunded["orderRefundedMinor"]!.GetValue<long>(), refunded["orderTotalMinor"]!.GetValue<long>()).ShouldBe((950L, 4300L));
    }
}

public sealed class OrderEventContentTestsOnSqlite(SqliteHost host) : OrderEventContentTests<SqliteHost>(host);

public sealed class OrderEventContentTestsOnPostgres(PostgresHost host) : OrderEventContentTests<PostgresHost>(host);
