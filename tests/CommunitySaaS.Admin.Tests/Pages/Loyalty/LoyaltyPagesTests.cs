using CommunitySaaS.Admin.Pages.Dashboard;
using CommunitySaaS.Admin.Pages.Nightly;
using CommunitySaaS.Admin.Pages.Rewards;
using CommunitySaaS.Admin.Pages.Settings;
using CommunitySaaS.Admin.Pages.Tiers;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Rewards;
using CommunitySaaS.Core.Users;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommunitySaaS.Admin.Tests.Pages.Loyalty;

public sealed class LoyaltyPagesTests : ConsoleTestContext
{
    private LoyaltySeed Loyalty => new(Services);

    [Fact]
    public async Task Tiers_ListsTiersAndPolicy_AndHidesEditing_WhenFinance()
    {
        await Loyalty.TierAsync(BrandA, "gold", "Gold", 2);
        await Loyalty.TierAsync(BrandB, "other", "Other brand tier", 1);
        SignIn(UserRoles.Finance);

        var page = RenderWithProviders<TiersPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=tier-row]").Count.ShouldBe(1));
        page.Find("[data-testid=tiers-table]").TextContent.ShouldContain("Lounge access");
        page.Markup.ShouldNotContain("Other brand tier");
        page.FindAll("[data-testid=new-tier]").ShouldBeEmpty();
        page.FindAll("[data-testid=policy-save]").ShouldBeEmpty();
    }

    [Fact]
    public async Task TierDialog_ShowsFieldErrorsAndRankConflict_WhenInputIsWrong()
    {
        await Loyalty.TierAsync(BrandA, "gold", "Gold", 2);
        var (provider, _) = await ShowDialogAsync<TierDialog>();

        provider.Find("input[data-testid=tier-code]").Input("Bad Code");
        provider.Find("[data-testid=tier-save]").Click();
        provider.WaitForAssertion(() => provider.Markup.ShouldContain("code must be 1-32 lowercase letters"));

        provider.Find("input[data-testid=tier-code]").Input("silver");
        provider.Find("input[data-testid=tier-name]").Input("Silver");
        provider.Find("input[data-testid=tier-rank]").Input("2");
        provider.Find("[data-testid=tier-save]").Click();
        provider.WaitForAssertion(() => provider.Find("[data-testid=form-errors]").TextContent.ShouldContain("already has rank 2"));
    }

    [Fact]
    public async Task Rewards_ListsRewardsWithWhatIsLeft_WhenBrandHasRewards()
    {
        await Loyalty.RewardAsync(BrandA, "mug", 300, stock: 7);
        await Loyalty.RewardAsync(BrandA, "coupon-10", 100, RewardKind.Coupon);

        var page = RenderWithProviders<RewardsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=reward-row]").Count.ShouldBe(2));
        page.Find("[data-testid=rewards-table]").TextContent.ShouldContain("0 codes");
        page.Find("[data-testid=rewards-table]").TextContent.ShouldContain("7");
        page.FindAll("[data-testid=upload-codes-coupon-10]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task RewardDialog_ShowsErrors_WhenCostMissingAndDuplicateCode()
    {
        await Loyalty.RewardAsync(BrandA, "mug", 300);
        var (provider, _) = await ShowDialogAsync<RewardDialog>();

        provider.Find("input[data-testid=reward-code]").Input("mug");
        provider.Find("input[data-testid=reward-name]").Input("Another mug");
        provider.Find("[data-testid=reward-save]").Click();
        provider.WaitForAssertion(() => provider.Markup.ShouldContain("pointsCost must be at least 1."));

        provider.Find("input[data-testid=reward-cost]").Input("200");
        provider.Find("[data-testid=reward-save]").Click();
        provider.WaitForAssertion(() => provider.Find("[data-testid=form-errors]").TextContent.ShouldContain("exists already"));
    }

    [Fact]
    public async Task CodeUpload_AddsCodesAndShowsWhatIsLeft_WhenCsvIsUploaded()
    {
        var reward = await Loyalty.RewardAsync(BrandA, "coupon-10", 100, RewardKind.Coupon);
        var (provider, _) = await ShowDialogAsync(new DialogParameters<CodeUploadDialog> { { d => d.RewardId, reward.Id } });
        provider.WaitForAssertion(() => provider.Find("[data-testid=pool-status]").TextContent.ShouldContain("0 of 0"));

        provider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("code,note\nAAA-1,x\nAAA-2,y\nAAA-1,dup\n", "codes.csv"));

        provider.WaitForAssertion(() => provider.Find("[data-testid=upload-result]").TextContent.ShouldContain("2 codes added"));
        provider.Find("[data-testid=upload-result]").TextContent.ShouldContain("1 already known");
        provider.Find("[data-testid=pool-status]").TextContent.ShouldContain("2 of 2 codes left");
    }

    [Fact]
    public void CodeFile_ReadsFirstColumn_AndSkipsHeaderAndBlankLines() =>
        CodeFile.Parse("Code\r\n\"X1\",a\n\nX2\n").ShouldBe(["X1", "X2"]);

    [Fact]
    public async Task Settings_SavesLoyaltyPolicy_AndShowsCountError_WhenExpiryNeedsN()
    {
        var page = RenderWithProviders<SettingsPage>();
        await page.WaitForElementAsync("[data-testid=loyalty-policy]");
        var card = page.FindComponent<LoyaltyPolicyCard>();

        await card.InvokeAsync(() => card.FindComponents<MudSelect<ExpiryMode?>>()[0].Instance.SelectOption(ExpiryMode.RollingMonths));
        await card.Find("[data-testid=loyalty-policy] form").SubmitAsync();
        card.WaitForAssertion(() => card.Markup.ShouldContain("expiryCount is required for RollingMonths"));

        card.Find("input[data-testid=loyalty-expiry-count]").Input("12");
        await card.Find("[data-testid=loyalty-policy] form").SubmitAsync();
        card.WaitForAssertion(async () =>
        {
            var policy = await Services.GetRequiredService<LoyaltyPolicies>().GetAsync();
            policy.ExpiryMode.ShouldBe(ExpiryMode.RollingMonths);
            policy.ExpiryCount.ShouldBe(12);
        });
    }

    [Fact]
    public async Task Settings_SavesExpiryNoticeDays_AndShowsTheError_WhenADayIsOutOfRange()
    {
        var page = RenderWithProviders<SettingsPage>();
        await page.WaitForElementAsync("[data-testid=loyalty-policy]");
        var card = page.FindComponent<LoyaltyPolicyCard>();
        card.WaitForAssertion(() => card.Find("input[data-testid=loyalty-notice-days]").GetAttribute("value").ShouldBe("30, 7, 1"));

        card.Find("input[data-testid=loyalty-notice-days]").Input("14, 400");
        await card.Find("[data-testid=loyalty-policy] form").SubmitAsync();
        card.WaitForAssertion(() => card.Markup.ShouldContain("expiryNoticeDays: each value is a whole number of days from 1 to 365"));
        (await Services.GetRequiredService<LoyaltyPolicies>().GetAsync()).ExpiryNoticeDays.ShouldBe([30, 7, 1]);

        card.Find("input[data-testid=loyalty-notice-days]").Input("3, 14");
        await card.Find("[data-testid=loyalty-policy] form").SubmitAsync();
        card.WaitForAssertion(async () => (await Services.GetRequiredService<LoyaltyPolicies>().GetAsync()).ExpiryNoticeDays.ShouldBe([14, 3]));
    }

    [Fact]
    public async Task Dashboard_ShowsPointsTotalsAndTierChart_WhenBrandHasLoyaltyData()
    {
        await Data.MembersAsync(BrandA, 2);
        await Data.MembersAsync(BrandB, 1);
        await Loyalty.TierAsync(BrandA, "gold", "Gold", 2);
        await Loyalty.AdjustAsync(BrandA, "m001", 300, "Gift");
        await Loyalty.AdjustAsync(BrandA, "m002", 200, "Gift");
        await Loyalty.AdjustAsync(BrandA, "m002", -50, "Fix");
        await Loyalty.AdjustAsync(BrandB, "m001", 9999, "Other brand");

        var page = RenderWithProviders<Dashboard>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=loyalty-stats] .stat-value").Select(v => v.TextContent.Trim()).ShouldBe(["450", "0", "0", "450"]));
        page.Find("[data-testid=loyalty-stats]").TextContent.ShouldNotContain("9,999");
        page.Find("[data-testid=tier-counts]").TextContent.ShouldBe("Gold: 0 · No tier: 2");
    }

    [Fact]
    public void NightlyRuns_ShowsEmptyState_WhenNoRunYet()
    {
        SignIn(UserRoles.Finance);

        var page = RenderWithProviders<NightlyRunsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=empty-state]").TextContent.ShouldContain("No nightly run yet"));
    }

    [Fact]
    public async Task NightlyRuns_ShowsTheBrandsNight_WhenTheNightlyRunProcessedIt()
    {
        await Loyalty.TierAsync(BrandA, "gold", "Gold", 2);
        await Data.MembersAsync(BrandA, 2);
        await Data.MembersAsync(BrandB, 5);
        (await Loyalty.NightAsync(BrandA)).ShouldBe(Core.Nightly.NightOutcome.Ran);
        await Loyalty.NightAsync(BrandB);
        SignIn(UserRoles.Finance);

        var page = RenderWithProviders<NightlyRunsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=nightly-row]").Count.ShouldBe(1));
        var cells = page.Find("[data-testid=nightly-row]").QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        cells[1].ShouldContain("Succeeded");
        cells[2].ShouldBe("5 / 5");
        cells[4].ShouldBe("2");
        page.FindAll("[data-testid=empty-state]").ShouldBeEmpty();
    }
}
