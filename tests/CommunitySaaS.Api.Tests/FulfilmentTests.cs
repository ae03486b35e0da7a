using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests;

/// <summary>Fulfilment and refunds are separate states, each changed by its own conditional update.</summary>
public abstract class FulfilmentTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Fulfill_ShipsAndPublishesOnce_WhenTheOrderWasPartlyRefunded()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-1", "m1");
        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-1", lines = new[] { new { lineNumber = 2, quantity = 1 } } }))
            .ShouldHaveStatus(HttpStatusCode.Created);

        var fulfilled = await (await tenant.Client.PostAsync(tenant.Url("orders/o-1/fulfill"), null)).ShouldHaveStatus(HttpStatusCode.OK);
        fulfilled["fulfillmentStatus"]!.GetValue<string>().ShouldBe("fulfilled");
        fulfilled["refundStatus"]!.GetValue<string>().ShouldBe("partial");
        await (await tenant.Client.PostAsync(tenant.Url("orders/o-1/fulfill"), null)).ShouldHaveStatus(HttpStatusCode.OK);

        var events = await host.EventsAsync(tenant.Id, "order.fulfilled");
        events.ShouldHaveSingleItem().Sequence.ShouldBe(3);
    }

    [Fact]
    public async Task Fulfill_Returns409_WhenTheOrderIsFullyRefunded()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-1", "m1");
        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-1", amount = 25m })).ShouldHaveStatus(HttpStatusCode.Created);

        await (await tenant.Client.PostAsync(tenant.Url("orders/o-1/fulfill"), null)).ShouldBeProblem(HttpStatusCode.Conflict);
        (await host.EventsAsync(tenant.Id, "order.fulfilled")).ShouldBeEmpty();
    }

    [Fact]
    public async Task FulfilAndFullRefund_KeepBothStatesTrue_WhenTheyRaceOnManyOrders()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        const int orders = 12;
        for (var i = 0; i < orders; i++) await tenant.PlaceOrder($"o-{i}", "m1");

        // Per order: two fulfils and a full refund at once, all orders together.
        var races = Enumerable.Range(0, orders).Select(async i =>
        {
            var fulfil1 = tenant.Client.PostAsync(tenant.Url($"orders/o-{i}/fulfill"), null);
            var refund = tenant.Client.PostJson(tenant.Url($"orders/o-{i}/refunds"), new { refundId = $"r-{i}", amount = 25m });
            var fulfil2 = tenant.Client.PostAsync(tenant.Url($"orders/o-{i}/fulfill"), null);
            return (Fulfils: await Task.WhenAll(fulfil1, fulfil2), Refund: await refund);
        });
        var results = await Task.WhenAll(races);

        var fulfilledEvents = await host.EventsAsync(tenant.Id, "order.fulfilled");
        var allEvents = await host.EventsAsync(tenant.Id);
        for (var i = 0; i < orders; i++)
        {
            await results[i].Refund.ShouldHaveStatus(HttpStatusCode.Created);
            var order = await (await tenant.Client.GetAsync(tenant.Url($"orders/o-{i}"))).ShouldHaveStatus(HttpStatusCode.OK);
            order["refundStatus"]!.GetValue<string>().ShouldBe("full");
            order["refundedTotal"]!.GetValue<decimal>().ShouldBe(25m);
            var shipped = order["fulfillmentStatus"]!.GetValue<string>() == "fulfilled";
            var okFulfils = results[i].Fulfils.Count(r => r.StatusCode == HttpStatusCode.OK);
            foreach (var refused in results[i].Fulfils.Where(r => r.StatusCode != HttpStatusCode.OK)) await refused.ShouldBeProblem(HttpStatusCode.Conflict);
            // Shipped before the refund won: both fulfils see it shipped. Refunded first: both are refused.
            okFulfils.ShouldBe(shipped ? 2 : 0);
            var id = order["id"]!.GetValue<string>();
            fulfilledEvents.Count(e => e.AggregateId == id).ShouldBe(shipped ? 1 : 0);
            allEvents.Where(e => e.AggregateId == id).Select(e => e.Sequence).Order().ShouldBe(Enumerable.Range(1, shipped ? 3 : 2).Select(n => (long)n));
        }
    }
}

public sealed class FulfilmentTestsOnSqlite(SqliteHost host) : FulfilmentTests<SqliteHost>(host);

public sealed class FulfilmentTestsOnPostgres(PostgresHost host) : FulfilmentTests<PostgresHost>(host);
