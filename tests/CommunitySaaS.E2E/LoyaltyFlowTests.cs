using Microsoft.Playwright;

namespace CommunitySaaS.E2E;

/// <summary>The loyalty flow in a real browser: open a member, adjust points, redeem a reward, see the ledger grow.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LoyaltyFlowTests(ConsoleFixture console)
{
    [Fact]
    public async Task Member_AdjustsAndRedeems_WhenOperatorUsesTheDialogs()
    {
        var page = await console.SignInAsync("operator@demo.example");
        await console.GotoAsync(page, "/admin/members/m030");
        await page.Locator("[data-testid=points-summary]").WaitForAsync();
        var rows = page.Locator("[data-testid=ledger-row]");
        var before = await rows.CountAsync();
        await ConsoleFixture.ScreenshotAsync(page, "member-loyalty");

        await page.ClickAsync("[data-testid=adjust-points]");
        await page.Locator("[data-testid=adjust-points-value]").FillAsync("500");
        await page.Locator("[data-testid=adjust-reason]").FillAsync("E2E goodwill");
        await ConsoleFixture.ScreenshotAsync(page, "adjust-points-dialog");
        await page.ClickAsync("[data-testid=adjust-save]");
        await page.Locator("[data-testid=points-ledger]").Filter(new() { HasText = "E2E goodwill" }).WaitForAsync();

        await page.ClickAsync("[data-testid=redeem-reward]");
        await page.Locator("[data-testid=redeem-reward-select]").ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Matcha sampler" }).ClickAsync();
        await page.ClickAsync("[data-testid=redeem-save]");
        await page.Locator("[data-testid=ledger-row]").Filter(new() { HasText = "Redeemed 1" }).WaitForAsync();

        (await rows.CountAsync()).ShouldBe(before + 2);
        await ConsoleFixture.ScreenshotAsync(page, "member-ledger");

        await console.GotoAsync(page, "/admin/rewards");
        await page.Locator("[data-testid=reward-row]").First.WaitForAsync();
        await ConsoleFixture.ScreenshotAsync(page, "rewards");
        await console.GotoAsync(page, "/admin/tiers");
        await page.Locator("[data-testid=tier-row]").First.WaitForAsync();
        await ConsoleFixture.ScreenshotAsync(page, "tiers");
        await console.GotoAsync(page, "/admin");
        await page.Locator("[data-testid=loyalty-stats]").WaitForAsync();
        await ConsoleFixture.ScreenshotAsync(page, "dashboard-loyalty");
        await page.Context.CloseAsync();
    }
}
