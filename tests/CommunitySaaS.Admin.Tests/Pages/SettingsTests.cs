using CommunitySaaS.Admin.Pages.Settings;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Pages;

public sealed class SettingsTests : ConsoleTestContext
{
    [Fact]
    public async Task Save_ShowsErrorNextToCurrency_WhenCodeIsUnknown()
    {
        var page = RenderWithProviders<SettingsPage>();
        await page.WaitForElementAsync("input[data-testid=settings-currency]");

        page.Find("input[data-testid=settings-currency]").Input("XYZ");

        page.WaitForAssertion(() => page.Markup.ShouldContain("must be an ISO 4217 currency code"));
    }

    [Fact]
    public async Task Save_UpdatesBrand_WhenValid()
    {
        var page = RenderWithProviders<SettingsPage>();
        await page.WaitForElementAsync("input[data-testid=settings-name]");

        page.Find("input[data-testid=settings-name]").Input("Brand A Renamed");
        page.Find("input[data-testid=settings-return-window]").Input("30");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(async () =>
        {
            var tenant = await Services.GetRequiredService<TenantService>().GetCurrentAsync();
            tenant.Name.ShouldBe("Brand A Renamed");
            tenant.ReturnWindowDays.ShouldBe(30);
        });
    }

    [Fact]
    public async Task Save_ShowsServiceError_WhenCurrencyChangesAfterOrders()
    {
        await Data.MembersAsync(BrandA, 1);
        await Data.OrderAsync(BrandA, "a-1", "m001", 1m);
        var page = RenderWithProviders<SettingsPage>();
        await page.WaitForElementAsync("input[data-testid=settings-currency]");

        page.Find("input[data-testid=settings-currency]").Input("EUR");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => page.Markup.ShouldContain("The currency cannot change once the brand has orders."));
    }
}
