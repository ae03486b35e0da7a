using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests;

public abstract class OrderTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Create_ReturnsFirstResult_WhenSameOrderIsPostedAgain()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        var first = await tenant.PlaceOrder("o-1", "m1");
        first["total"]!.GetValue<decimal>().ShouldBe(25m);
        first["fulfillmentStatus"]!.GetValue<string>().ShouldBe("unfulfilled");
        first["refundStatus"]!.GetValue<string>().ShouldBe("none");
        var replay = await (await tenant.Client.PostJson(tenant.Url("orders"), Storefront.Order("o-1", "m1"))).ShouldHaveStatus(HttpStatusCode.OK);
        replay["id"]!.GetValue<string>().ShouldBe(first["id"]!.GetValue<string>());
        var list = await (await tenant.Client.GetAsync(tenant.Url("orders"))).ShouldHaveStatus(HttpStatusCode.OK);
        list["data"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Create_RecordsEachOrderOnce_WhenManyArriveAtOnceIncludingDuplicates()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        var distinct = Enumerable.Range(0, 30).Select(i => tenant.Client.PostJson(tenant.Url("orders"), Storefront.Order($"burst-{i}", "m1")));
        var duplicates = Enumerable.Range(0, 10).Select(_ => tenant.Client.PostJson(tenant.Url("orders"), Storefront.Order("burst-dup", "m1")));
        var responses = await Task.WhenAll(distinct.Concat(duplicates));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
        var dupIds = new HashSet<string>();
        foreach (var response in responses.Skip(30)) dupIds.Add((await response.ShouldHaveStatus(response.StatusCode))["id"]!.GetValue<string>());
        dupIds.Count.ShouldBe(1);
        var list = await (await tenant.Client.GetAsync(tenant.Url("orders?limit=100"))).ShouldHaveStatus(HttpStatusCode.OK);
        list["data"]!.AsArray().Count.ShouldBe(31);
    }

    [Fact]
    public async Task Create_Returns409_WhenSameOrderIdComesWithAnotherBody()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-1", "m1");
        await (await tenant.Client.PostJson(tenant.Url("orders"), Storefront.Order("o-1", "m1", quantity: 3))).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Create_Returns400NamingTheField_WhenReferencesOrCurrencyAreWrong()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Client.PostJson(tenant.Url("orders"), Storefront.Order("o-1", "m1", currency: "EUR"))).ShouldBeProblem(HttpStatusCode.BadRequest, "currency");
        await (await tenant.Client.PostJson(tenant.Url("orders"), Storefront.Order("o-1", "ghost"))).ShouldBeProblem(HttpStatusCode.BadRequest, "memberExternalId");
        await (await tenant.Client.PostJson(tenant.Url("orders"), Storefront.Order("o-1", "m1", communityId: "com_nope"))).ShouldBeProblem(HttpStatusCode.BadRequest, "communityId");
        await (await tenant.Client.PostJson(tenant.Url("orders"), Storefront.Order("o-1", "m1", currency: "XXQ"))).ShouldBeProblem(HttpStatusCode.BadRequest, "currency");
    }

    [Fact]
    public async Task Refunds_MoveRefundStatusToPartialThenFull_KeepFulfilment_AndNeverRefundTwice()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-1", "m1");
        await (await tenant.Client.PostAsync(tenant.Url("orders/o-1/fulfill"), null)).ShouldHaveStatus(HttpStatusCode.OK);

        var partial = await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-1", lines = new[] { new { lineNumber = 1, quantity = 1 } } }))
            .ShouldHaveStatus(HttpStatusCode.Created);
        partial["refundStatus"]!.GetValue<string>().ShouldBe("partial");
        partial["fulfillmentStatus"]!.GetValue<string>().ShouldBe("fulfilled");
        partial["refundedTotal"]!.GetValue<decimal>().ShouldBe(10m);
        partial["lines"]![0]!["refundedQuantity"]!.GetValue<int>().ShouldBe(1);

        var replay = await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-1", lines = new[] { new { lineNumber = 1, quantity = 1 } } }))
            .ShouldHaveStatus(HttpStatusCode.OK);
        replay["refunds"]!.AsArray().Count.ShouldBe(1);
        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-1", amount = 1m })).ShouldBeProblem(HttpStatusCode.Conflict);

        // More than is left is a conflict with the order's state; more than the order ever had is a bad request.
        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-2", lines = new[] { new { lineNumber = 1, quantity = 2 } } }))
            .ShouldBeProblem(HttpStatusCode.Conflict);
        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-2", lines = new[] { new { lineNumber = 1, quantity = 3 } } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "lines[0].quantity");
        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-2", amount = 15.01m }))
            .ShouldBeProblem(HttpStatusCode.Conflict);
        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-2", amount = 25.01m }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "amount");

        var full = await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-3", amount = 15m })).ShouldHaveStatus(HttpStatusCode.Created);
        full["refundStatus"]!.GetValue<string>().ShouldBe("full");
        full["refundedTotal"]!.GetValue<decimal>().ShouldBe(25m);
        full["lines"]!.AsArray().Select(l => l!["refundedAmount"]!.GetValue<decimal>()).ShouldBe([20m, 5m]);
        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-4", amount = 1m })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Refund_Returns400_WhenBothOrNeitherLinesAndAmountAreGiven()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-1", "m1");
        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-1" })).ShouldBeProblem(HttpStatusCode.BadRequest, "lines");
        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-1", amount = 1m, lines = new[] { new { lineNumber = 1, quantity = 1 } } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "amount");
    }

    [Fact]
    public async Task List_FiltersByFulfilmentRefundMemberCommunityAndDate()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.UpsertMember("m2");
        var community = (await tenant.CreateCommunity("Club"))["id"]!.GetValue<string>();
        await tenant.PlaceOrder("o-1", "m1", community);
        await tenant.PlaceOrder("o-2", "m2");
        await (await tenant.Client.PostAsync(tenant.Url("orders/o-2/fulfill"), null)).ShouldHaveStatus(HttpStatusCode.OK);

        async Task<string[]> Ids(string query) =>
            (await (await tenant.Client.GetAsync(tenant.Url($"orders?{query}"))).ShouldHaveStatus(HttpStatusCode.OK))["data"]!.AsArray()
                .Select(o => o!["orderId"]!.GetValue<string>()).ToArray();

        await (await tenant.Client.PostJson(tenant.Url("orders/o-2/refunds"), new { refundId = "r-1", amount = 1m })).ShouldHaveStatus(HttpStatusCode.Created);

        (await Ids("fulfillment=fulfilled")).ShouldBe(["o-2"]);
        (await Ids("fulfillment=unfulfilled")).ShouldBe(["o-1"]);
        (await Ids("refund=partial")).ShouldBe(["o-2"]);
        (await Ids("refund=none&fulfillment=fulfilled")).ShouldBeEmpty();
        (await Ids("member=m1")).ShouldBe(["o-1"]);
        (await Ids($"communityId={community}")).ShouldBe(["o-1"]);
        (await Ids("from=2000-01-01T00:00:00Z")).Length.ShouldBe(2);
        (await Ids("to=2000-01-01T00:00:00Z")).ShouldBeEmpty();
        await (await tenant.Client.GetAsync(tenant.Url("orders?fulfillment=lost"))).ShouldBeProblem(HttpStatusCode.BadRequest, "fulfillment");
        await (await tenant.Client.GetAsync(tenant.Url("orders?refund=some"))).ShouldBeProblem(HttpStatusCode.BadRequest, "refund");
    }
}

public sealed class OrderTestsOnSqlite(SqliteHost host) : OrderTests<SqliteHost>(host);

public sealed class OrderTestsOnPostgres(PostgresHost host) : OrderTests<PostgresHost>(host);
