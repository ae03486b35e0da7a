using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Dashboard;
using CommunitySaaS.Core.Orders;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests;

/// <summary>Money in minor units: exact per currency, discounts and shipping that reverse exactly, no overflow anywhere.</summary>
public abstract class OrderAmountTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Create_SpreadsTheOrderDiscountOverLines_AndKeepsShippingOutOfThem()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        var order = await (await tenant.Client.PostJson(tenant.Url("orders"), new
        {
            orderId = "o-1", memberExternalId = "m1", currency = "USD", shipping = 4.99m, discount = 1m,
            lines = new[]
            {
                new { sku = "A", category = "tea", quantity = 3, unitPrice = 3.33m, discount = 0.99m },
                new { sku = "B", category = "home", quantity = 1, unitPrice = 12m, discount = 0m },
            },
        })).ShouldHaveStatus(HttpStatusCode.Created);

        order["subtotal"]!.GetValue<decimal>().ShouldBe(21.99m);
        // 9.00 and 12.00 after line discounts share the 1.00 order discount 0.43 / 0.57.
        order["lines"]!.AsArray().Select(l => l!["orderDiscount"]!.GetValue<decimal>()).ShouldBe([0.43m, 0.57m]);
        order["lines"]!.AsArray().Select(l => l!["paidAmount"]!.GetValue<decimal>()).ShouldBe([8.57m, 11.43m]);
        order["total"]!.GetValue<decimal>().ShouldBe(24.99m);
        order["total"]!.ToJsonString().ShouldBe("24.99");
        order["returnWindowEndsAt"]!.GetValue<DateTimeOffset>().ShouldBe(order["paidAt"]!.GetValue<DateTimeOffset>().AddDays(14));

        var refund = await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-1", amount = 24.99m })).ShouldHaveStatus(HttpStatusCode.Created);
        refund["refunds"]![0]!["lines"]!.AsArray().Select(l => l!["amount"]!.GetValue<decimal>()).ShouldBe([8.57m, 11.43m]);
        refund["refunds"]![0]!["shipping"]!.GetValue<decimal>().ShouldBe(4.99m);
        refund["refundStatus"]!.GetValue<string>().ShouldBe("full");
    }

    [Fact]
    public async Task Create_Returns400NamingTheField_WhenAnAmountHasMoreDecimalsThanTheCurrency()
    {
        var tenant = await host.CreateTenantAsync(currency: "JPY");
        await tenant.UpsertMember("m1");
        object Order(decimal unitPrice, decimal shipping = 0, decimal lineDiscount = 0) => new
        {
            orderId = "o-1", memberExternalId = "m1", currency = "JPY", shipping,
            lines = new[] { new { sku = "A", category = "c", quantity = 1, unitPrice, discount = lineDiscount } },
        };
        var problem = await (await tenant.Client.PostJson(tenant.Url("orders"), Order(1200.5m))).ShouldBeProblem(HttpStatusCode.BadRequest, "lines[0].unitPrice");
        problem["errors"]!["lines[0].unitPrice"]![0]!.GetValue<string>().ShouldBe("JPY has no decimals.");
        await (await tenant.Client.PostJson(tenant.Url("orders"), Order(1200m, shipping: 0.5m))).ShouldBeProblem(HttpStatusCode.BadRequest, "shipping");
        await (await tenant.Client.PostJson(tenant.Url("orders"), Order(1200m, lineDiscount: 1200.1m))).ShouldBeProblem(HttpStatusCode.BadRequest, "lines[0].discount");

        var order = await (await tenant.Client.PostJson(tenant.Url("orders"), Order(1200m))).ShouldHaveStatus(HttpStatusCode.Created);
        order["total"]!.ToJsonString().ShouldBe("1200");
        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-1", amount = 0.5m })).ShouldBeProblem(HttpStatusCode.BadRequest, "amount");
    }

    [Fact]
    public async Task Create_Returns400_WhenADiscountIsMoreThanWhatItDiscounts()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Client.PostJson(tenant.Url("orders"), new
        {
            orderId = "o-1", memberExternalId = "m1", currency = "USD", lines = new[] { new { sku = "A", category = "c", quantity = 2, unitPrice = 5m, discount = 10.01m } },
        })).ShouldBeProblem(HttpStatusCode.BadRequest, "lines[0].discount");
        await (await tenant.Client.PostJson(tenant.Url("orders"), new
        {
            orderId = "o-1", memberExternalId = "m1", currency = "USD", discount = 9.01m, shipping = 5m,
            lines = new[] { new { sku = "A", category = "c", quantity = 2, unitPrice = 5m, discount = 1m } },
        })).ShouldBeProblem(HttpStatusCode.BadRequest, "discount");
    }

    [Fact]
    public async Task Create_Returns400NamingPaidAt_WhenItIsInTheFutureOrTooOld()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        object Order(DateTimeOffset paidAt) => new
        {
            orderId = "o-1", memberExternalId = "m1", currency = "USD", paidAt, lines = new[] { new { sku = "A", category = "c", quantity = 1, unitPrice = 5m } },
        };
        await (await tenant.Client.PostJson(tenant.Url("orders"), Order(DateTimeOffset.UtcNow.AddMinutes(30)))).ShouldBeProblem(HttpStatusCode.BadRequest, "paidAt");
        await (await tenant.Client.PostJson(tenant.Url("orders"), Order(DateTimeOffset.UtcNow.AddDays(-91)))).ShouldBeProblem(HttpStatusCode.BadRequest, "paidAt");
        await (await tenant.Client.PostJson(tenant.Url("orders"), Order(DateTimeOffset.UtcNow.AddMinutes(2)))).ShouldHaveStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_StoresSumsAndRefundsTheLargestValidOrder_AndRefusesOneUnitMore()
    {
        var tenant = await host.CreateTenantAsync(currency: "KWD");
        await tenant.UpsertMember("m1");
        // The largest valid order: 10^15 minor units (a trillion dinars), the cap every sum is sized for.
        object Order(string id, decimal shipping) => new
        {
            orderId = id, memberExternalId = "m1", currency = "KWD", shipping,
            lines = new[]
            {
                new { sku = "A", category = "c", quantity = 9_999, unitPrice = 100_000_000m, discount = 0m },
                new { sku = "B", category = "c", quantity = 1, unitPrice = 99_999_999.999m, discount = 0m },
            },
        };
        var largest = await (await tenant.Client.PostJson(tenant.Url("orders"), Order("big", 0.001m))).ShouldHaveStatus(HttpStatusCode.Created);
        largest["total"]!.ToJsonString().ShouldBe("1000000000000.000");
        await (await tenant.Client.PostJson(tenant.Url("orders"), Order("bigger", 0.002m))).ShouldBeProblem(HttpStatusCode.BadRequest, "lines");
        await (await tenant.Client.PostJson(tenant.Url("orders"), Order("big2", 0.001m))).ShouldHaveStatus(HttpStatusCode.Created);

        var refunded = await (await tenant.Client.PostJson(tenant.Url("orders/big/refunds"), new { refundId = "r-1", amount = 1_000_000_000_000m })).ShouldHaveStatus(HttpStatusCode.Created);
        refunded["refundedTotal"]!.ToJsonString().ShouldBe("1000000000000.000");

        await using var scope = await TenantScopeAsync(tenant);
        var dashboard = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync();
        dashboard.Periods[0].Gmv.ShouldBe(2_000_000_000_000m);
    }

    [Fact]
    public async Task Search_SortsByTotalInTheDatabase()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        foreach (var (id, price) in new[] { ("o-mid", 20m), ("o-high", 100.5m), ("o-low", 9.99m) })
        {
            await (await tenant.Client.PostJson(tenant.Url("orders"), new
            {
                orderId = id, memberExternalId = "m1", currency = "USD", lines = new[] { new { sku = "A", category = "c", quantity = 1, unitPrice = price } },
            })).ShouldHaveStatus(HttpStatusCode.Created);
        }
        await using var scope = await TenantScopeAsync(tenant);
        var orders = scope.ServiceProvider.GetRequiredService<OrderService>();
        (await orders.SearchAsync(new OrderGridQuery(Sort: OrderSort.Total))).Items.Select(o => o.OrderId).ShouldBe(["o-high", "o-mid", "o-low"]);
        (await orders.SearchAsync(new OrderGridQuery(Sort: OrderSort.Total, Descending: false))).Items.Select(o => o.Total).ShouldBe([9.99m, 20m, 100.5m]);
    }

    private async Task<AsyncServiceScope> TenantScopeAsync(TestTenant tenant)
    {
        await using var lookup = host.Services.CreateAsyncScope();
        var info = (await lookup.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.SingleAsync(t => t.Id == tenant.Id)).ToInfo();
        return host.Services.GetRequiredService<TenantScopeFactory>().CreateScope(info);
    }
}

public sealed class OrderAmountTestsOnSqlite(SqliteHost host) : OrderAmountTests<SqliteHost>(host);

public sealed class OrderAmountTestsOnPostgres(PostgresHost host) : OrderAmountTests<PostgresHost>(host);
