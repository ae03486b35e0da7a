using CommunitySaaS.Admin.Pages.Orders;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Orders;
using CommunitySaaS.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Pages;

public sealed class OrdersTests : ConsoleTestContext
{
    [Fact]
    public async Task Render_ListsBrandOrdersNewestFirst_WhenBothBrandsHaveOrders()
    {
        await Data.MembersAsync(BrandA, 1);
        await Data.MembersAsync(BrandB, 1);
        await Data.OrderAsync(BrandA, "a-old", "m001", 1m, paidAt: DateTimeOffset.UtcNow.AddDays(-3));
        await Data.OrderAsync(BrandA, "a-new", "m001", 2m);
        await Data.OrderAsync(BrandB, "b-secret", "m001", 3m);

        var page = RenderWithProviders<OrdersPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=orders-table] tbody tr").Count.ShouldBe(2));
        var rows = page.FindAll("[data-testid=orders-table] tbody tr");
        rows[0].TextContent.ShouldContain("a-new");
        rows[1].TextContent.ShouldContain("a-old");
        page.Markup.ShouldNotContain("b-secret");
    }

    [Fact]
    public async Task Detail_ShowsLinesAndRefunds_WhenOrderWasRefunded()
    {
        await Data.MembersAsync(BrandA, 1);
        await Data.OrderAsync(BrandA, "a-1", "m001", 10m);
        await using (var scope = Services.GetRequiredService<CommunitySaaS.Core.Tenancy.TenantScopeFactory>().CreateScope(BrandA))
        {
            await scope.ServiceProvider.GetRequiredService<OrderService>().RefundAsync("a-1", new CreateRefund("r-1", [new RefundLineRequest(1, 1)], null, "Broken lid"));
        }

        var page = RenderWithProviders<OrderDetail>(p => p.Add(x => x.OrderId, "a-1"));

        page.WaitForAssertion(() => page.Find("[data-testid=order-lines]").TextContent.ShouldContain("SKU-1"));
        page.Find("[data-testid=order-refunds]").TextContent.ShouldContain("Broken lid");
        page.Find("[data-testid=order-summary]").TextContent.ShouldContain("10.00 USD");
    }

    [Fact]
    public async Task Fulfill_MarksOrderFulfilled_WhenOperatorClicks()
    {
        SignIn(UserRoles.Operator);
        await Data.MembersAsync(BrandA, 1);
        await Data.OrderAsync(BrandA, "a-1", "m001", 10m);
        var page = RenderWithProviders<OrderDetail>(p => p.Add(x => x.OrderId, "a-1"));

        await page.WaitForElementAsync("[data-testid=fulfill]");
        await page.Find("[data-testid=fulfill]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=fulfill]").ShouldBeEmpty());
        await using var scope = Services.GetRequiredService<CommunitySaaS.Core.Tenancy.TenantScopeFactory>().CreateScope(BrandA);
        (await scope.ServiceProvider.GetRequiredService<OrderService>().GetAsync("a-1")).Value!.FulfillmentStatus.ShouldBe(FulfillmentStatus.Fulfilled);
    }

    [Fact]
    public async Task Detail_OffersFulfil_WhenTheOrderIsOnlyPartlyRefunded()
    {
        SignIn(UserRoles.Operator);
        await Data.MembersAsync(BrandA, 1);
        await Data.OrderAsync(BrandA, "a-1", "m001", 10m);
        await using (var scope = Services.GetRequiredService<CommunitySaaS.Core.Tenancy.TenantScopeFactory>().CreateScope(BrandA))
        {
            await scope.ServiceProvider.GetRequiredService<OrderService>().RefundAsync("a-1", new CreateRefund("r-1", Amount: 2.5m));
        }

        var page = RenderWithProviders<OrderDetail>(p => p.Add(x => x.OrderId, "a-1"));

        await page.WaitForElementAsync("[data-testid=fulfill]");
        page.Find("[data-testid=refund-chip]").TextContent.ShouldBe("Partially refunded");
        page.Find("[data-testid=order-refunds]").TextContent.ShouldContain("#1 2.50 USD");
    }

    [Fact]
    public async Task Render_SortsByTotal_WhenTheTotalHeaderIsClicked()
    {
        await Data.MembersAsync(BrandA, 1);
        await Data.OrderAsync(BrandA, "a-small", "m001", 1m);
        await Data.OrderAsync(BrandA, "a-big", "m001", 300m);
        await Data.OrderAsync(BrandA, "a-mid", "m001", 20m);
        var page = RenderWithProviders<OrdersPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=orders-table] tbody tr").Count.ShouldBe(3));

        await page.FindAll(".mud-table-sort-label").Single(e => e.TextContent.Contains("Total", StringComparison.Ordinal)).ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=orders-table] tbody tr").Select(r => r.Children[0].TextContent.Trim())
            .ShouldBe(["a-small", "a-mid", "a-big"]));
        page.FindAll("[data-testid=orders-table] tbody tr")[2].TextContent.ShouldContain("600.00 USD");
    }

    [Fact]
    public async Task Detail_HidesFulfill_WhenFinance()
    {
        SignIn(UserRoles.Finance);
        await Data.MembersAsync(BrandA, 1);
        await Data.OrderAsync(BrandA, "a-1", "m001", 10m);

        var page = RenderWithProviders<OrderDetail>(p => p.Add(x => x.OrderId, "a-1"));

        page.WaitForAssertion(() => page.Find("[data-testid=order-lines]"));
        page.FindAll("[data-testid=fulfill]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Detail_ShowsNotFound_WhenOrderBelongsToAnotherBrand()
    {
        await Data.MembersAsync(BrandB, 1);
        await Data.OrderAsync(BrandB, "b-1", "m001", 10m);

        var page = RenderWithProviders<OrderDetail>(p => p.Add(x => x.OrderId, "b-1"));

        page.WaitForAssertion(() => page.Markup.ShouldContain("Order not found"));
    }
}
