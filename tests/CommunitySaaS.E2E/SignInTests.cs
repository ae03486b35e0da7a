using Microsoft.Playwright;

namespace CommunitySaaS.E2E;

[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleFixture console)
{
    [Fact]
    public async Task SignIn_ShowsDashboardWithBrandName_WhenOwnerSignsIn()
    {
        var page = await console.SignInAsync("owner@demo.example");
        (await page.Locator("[data-testid=brand-name]").InnerTextAsync()).ShouldBe("Demo Tea & Co.");
        await page.Locator("[data-testid=gmv-chart]").WaitForAsync();
        // Four order cards, four points cards (issued, redeemed, expired, liability).
        (await page.Locator(".stat-card").CountAsync()).ShouldBe(8);
        await ConsoleFixture.ScreenshotAsync(page, "dashboard");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_ShowsError_WhenPasswordIsWrong()
    {
        var context = await console.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{console.BaseUrl}/admin/account/login");
        await page.FillAsync("#email", "operator@demo.example");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");
        (await page.Locator(".account-error").InnerTextAsync()).ShouldContain("incorrect");
        await ConsoleFixture.ScreenshotAsync(page, "sign-in-error");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Navigation_HidesOwnerPages_WhenFinanceSignsIn()
    {
        var page = await console.SignInAsync("finance@demo.example");
        (await page.Locator("a[href='admin/members']").CountAsync()).ShouldBe(1);
        (await page.Locator("a[href='admin/api-keys']").CountAsync()).ShouldBe(0);
        var response = await page.GotoAsync($"{console.BaseUrl}/admin/api-keys");
        page.Url.ShouldContain("/admin/account/denied");
        response!.Ok.ShouldBeTrue();
        await page.Context.CloseAsync();
    }
}
