using CommunitySaaS.Admin.Pages.Dashboard;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Users;

namespace CommunitySaaS.Admin.Tests.Pages;

public sealed class DashboardTests : ConsoleTestContext
{
    [Fact]
    public async Task Render_ShowsBrandFiguresOnly_WhenBothBrandsHaveOrders()
    {
        await Data.MembersAsync(BrandA, 2);
        await Data.MembersAsync(BrandB, 1);
        await Data.OrderAsync(BrandA, "a-1", "m001", 10m);
        await Data.OrderAsync(BrandA, "a-2", "m002", 5.5m, paidAt: DateTimeOffset.UtcNow.AddDays(-10));
        await Data.OrderAsync(BrandB, "b-1", "m001", 999m);

        var page = RenderWithProviders<Dashboard>();

        page.WaitForAssertion(() => page.Find("[data-testid=stats]").TextContent.ShouldContain("31.00 USD"));
        page.Find("[data-testid=stats]").TextContent.ShouldNotContain("1,998.00");
        page.FindAll(".stat-value")[1].TextContent.ShouldBe("2");
        page.FindAll(".stat-value")[2].TextContent.ShouldBe("2");
    }

    [Fact]
    public void Render_ShowsEmptyCharts_WhenBrandHasNoOrders()
    {
        SignIn(UserRoles.Finance);

        var page = RenderWithProviders<Dashboard>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=empty-state]").Count.ShouldBe(3)); // GMV, orders, and members per tier (no tiers)
        page.Find("[data-testid=stats]").TextContent.ShouldContain("0.00 USD");
    }
}
