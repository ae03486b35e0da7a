using Microsoft.Playwright;

namespace CommunitySaaS.E2E;

/// <summary>The console's main flows in a real browser against the real host, with a screenshot of each page.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleFlowTests(ConsoleFixture console)
{
    [Fact]
    public async Task Communities_CreatesCommunity_WhenOperatorFillsTheDialog()
    {
        var page = await console.SignInAsync("operator@demo.example");
        await console.GotoAsync(page, "/admin/communities");
        await page.Locator("[data-testid=communities-table] tbody tr").First.WaitForAsync();
        await ConsoleFixture.ScreenshotAsync(page, "communities");

        await page.ClickAsync("[data-testid=new-community]");
        await page.Locator("[data-testid=community-name]").FillAsync("Harbour Pop-up");
        await page.Locator("[data-testid=community-leader]").FillAsync("m010");
        await ConsoleFixture.ScreenshotAsync(page, "community-dialog");
        await page.ClickAsync("[data-testid=community-save]");

        await page.WaitForURLAsync(url => url.Contains("/admin/communities/com_", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Harbour Pop-up" }).WaitForAsync();
        (await page.Locator("[data-testid=community-summary]").InnerTextAsync()).ShouldContain("m010");
        await ConsoleFixture.ScreenshotAsync(page, "community-detail");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Members_FindsMember_WhenSearchingByEmail()
    {
        var page = await console.SignInAsync("operator@demo.example");
        await console.GotoAsync(page, "/admin/members");
        await page.Locator("[data-testid=members-table] tbody tr").First.WaitForAsync();
        await ConsoleFixture.ScreenshotAsync(page, "members");

        var email = (await page.Locator("[data-testid=members-table] tbody tr td[data-label=Email]").Nth(3).InnerTextAsync()).Trim();
        await page.Locator("[data-testid=member-search]").FillAsync(email);
        await page.Locator("[data-testid=member-total]").Filter(new() { HasText = "1 members" }).WaitForAsync();
        await page.Locator("[data-testid=members-table] tbody tr td[data-label=Name] a").First.ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/admin/members/m", StringComparison.Ordinal));
        (await page.Locator("[data-testid=member-attributes]").InnerTextAsync()).ShouldContain(email);
        await page.Locator("[data-testid=orders-table]").WaitForAsync();
        await ConsoleFixture.ScreenshotAsync(page, "member-detail");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ApiKeys_RevokesKey_WhenOwnerConfirms()
    {
        var page = await console.SignInAsync("owner@demo.example");
        await console.GotoAsync(page, "/admin/api-keys");

        await page.ClickAsync("[data-testid=new-key]");
        await page.Locator("[data-testid=key-name]").FillAsync("E2E temporary key");
        await page.ClickAsync("[data-testid=key-create]");
        var secret = await page.Locator("[data-testid=secret]").InnerTextAsync();
        secret.ShouldStartWith("sk_");
        await ConsoleFixture.ScreenshotAsync(page, "api-key-secret");
        await page.ClickAsync("[data-testid=secret-done]");

        var row = page.Locator("[data-testid=key-row]").Filter(new() { HasText = "E2E temporary key" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await page.ClickAsync("[data-testid=confirm]");
        await row.Filter(new() { HasText = "Revoked" }).WaitForAsync();
        await ConsoleFixture.ScreenshotAsync(page, "api-keys");

        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        var response = await http.GetAsync($"{console.BaseUrl}/api/v1/demo/members?limit=1");
        ((int)response.StatusCode).ShouldBe(401);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MainPages_Render_WhenOwnerVisitsThem()
    {
        var page = await console.SignInAsync("owner@demo.example");

        await console.GotoAsync(page, "/admin/orders");
        await page.Locator("[data-testid=orders-table] tbody tr").First.WaitForAsync();
        await ConsoleFixture.ScreenshotAsync(page, "orders");

        await page.Locator("[data-testid=orders-table] tbody tr td[data-label=Order] a").First.ClickAsync();
        await page.Locator("[data-testid=order-lines]").WaitForAsync();
        await ConsoleFixture.ScreenshotAsync(page, "order-detail");

        await console.GotoAsync(page, "/admin/settings");
        (await page.Locator("[data-testid=settings-currency]").InputValueAsync()).ShouldBe("USD");
        await ConsoleFixture.ScreenshotAsync(page, "settings");

        await console.GotoAsync(page, "/admin/users");
        await page.Locator("[data-testid=users-table] tbody tr").Nth(2).WaitForAsync();
        await ConsoleFixture.ScreenshotAsync(page, "users");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Tenants_ListsBrands_WhenPlatformOperatorSignsIn()
    {
        var page = await console.SignInAsync("platform@communitysaas.example");
        page.Url.ShouldContain("/admin/platform/tenants");
        (await page.Locator("[data-testid=tenants-table]").InnerTextAsync()).ShouldContain("demo");
        await ConsoleFixture.ScreenshotAsync(page, "platform-tenants");
        await page.Context.CloseAsync();
    }
}
