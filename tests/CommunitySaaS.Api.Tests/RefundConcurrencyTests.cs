using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests;

/// <summary>What an attacker (or a retry storm) does to refunds: many at once, together worth more than the order.</summary>
public abstract class RefundConcurrencyTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Refund_NeverRefundsMoreThanWasPaid_WhenTwentyRefundsByAmountArriveAtOnce()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Client.PostJson(tenant.Url("orders"), new
        {
            orderId = "o-1", memberExternalId = "m1", currency = "USD",
            lines = new[] { new { sku = "A", category = "c", quantity = 1, unitPrice = 60m }, new { sku = "B", category = "c", quantity = 2, unitPrice = 20m } },
        })).ShouldHaveStatus(HttpStatusCode.Created);

        // 20 x 15.00 = 300.00 against an order of 100.00: at most six can win.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = $"r-{i}", amount = 15m })));

        var winners = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created)) await loser.ShouldBeProblem(HttpStatusCode.Conflict);
        winners.ShouldBe(6);
        await AssertConsistentAsync(tenant, winners, 90m);
    }

    [Fact]
    public async Task Refund_RefundsTheUnitOnce_WhenTenLineRefundsOfTheOnlyUnitArriveAtOnce()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Client.PostJson(tenant.Url("orders"), new
        {
            orderId = "o-1", memberExternalId = "m1", currency = "USD", lines = new[] { new { sku = "A", category = "c", quantity = 1, unitPrice = 100m } },
        })).ShouldHaveStatus(HttpStatusCode.Created);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = $"r-{i}", lines = new[] { new { lineNumber = 1, quantity = 1 } } })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created)) await loser.ShouldBeProblem(HttpStatusCode.Conflict);
        var order = await AssertConsistentAsync(tenant, 1, 100m);
        order["lines"]![0]!["refundedQuantity"]!.GetValue<int>().ShouldBe(1);
        order["refundStatus"]!.GetValue<string>().ShouldBe("full");
    }

    [Fact]
    public async Task Refund_RecordsOneRefund_WhenTheSameRefundIsSentTwentyTimesAtOnce()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-1", "m1");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-same", amount = 10m })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(19);
        await AssertConsistentAsync(tenant, 1, 10m);
    }

    /// <summary>The order's refunded total is the sum of its refunds and of its lines, and each refund published one event.</summary>
    private async Task<System.Text.Json.Nodes.JsonNode> AssertConsistentAsync(TestTenant tenant, int winners, decimal expectedRefunded)
    {
        var order = await (await tenant.Client.GetAsync(tenant.Url("orders/o-1"))).ShouldHaveStatus(HttpStatusCode.OK);
        var refunds = order["refunds"]!.AsArray();
        refunds.Count.ShouldBe(winners);
        var refunded = order["refundedTotal"]!.GetValue<decimal>();
        refunded.ShouldBe(expectedRefunded);
        refunded.ShouldBeLessThanOrEqualTo(order["total"]!.GetValue<decimal>());
        refunds.Sum(r => r!["amount"]!.GetValue<decimal>()).ShouldBe(refunded);
        (order["lines"]!.AsArray().Sum(l => l!["refundedAmount"]!.GetValue<decimal>()) + refunds.Sum(r => r!["shipping"]!.GetValue<decimal>())).ShouldBe(refunded);

        var events = await host.EventsAsync(tenant.Id, "order.refunded");
        events.Count.ShouldBe(winners);
        events.Select(e => e.Payload["refundId"]!.GetValue<string>()).Order().ShouldBe(refunds.Select(r => r!["id"]!.GetValue<string>()).Order());
        // Sequence 1 is order.paid; each refund took the next number, none twice.
        events.Select(e => e.Sequence).Order().ShouldBe(Enumerable.Range(2, winners).Select(i => (long)i));
        events.Max(e => e.Payload["orderRefundedMinor"]!.GetValue<long>()).ShouldBe((long)(expectedRefunded * 100));
        return order;
    }
}

public sealed class RefundConcurrencyTestsOnSqlite(SqliteHost host) : RefundConcurrencyTests<SqliteHost>(host);

public sealed class RefundConcurrencyTestsOnPostgres(PostgresHost host) : RefundConcurrencyTests<PostgresHost>(host);
