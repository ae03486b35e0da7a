using CommunitySaaS.Admin.Pages.Members;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommunitySaaS.Admin.Tests.Pages.Loyalty;

public sealed class MemberLoyaltyTests : ConsoleTestContext
{
    private LoyaltySeed Loyalty => new(Services);

    [Fact]
    public async Task Detail_ShowsSummaryLedgerWithReasonAndTierSection_WhenMemberHasPoints()
    {
        await Data.MembersAsync(BrandA, 1);
        await Loyalty.AdjustAsync(BrandA, "m001", 120, "Welcome gift");
        await Loyalty.AdjustAsync(BrandA, "m001", -20, "Correction");

        var page = RenderWithProviders<MemberDetail>(p => p.Add(x => x.ExternalId, "m001"));

        page.WaitForAssertion(() => page.FindAll("[data-testid=ledger-row]").Count.ShouldBe(2));
        page.Find("[data-testid=points-summary]").TextContent.ShouldContain("100");
        page.Find("[data-testid=points-ledger]").TextContent.ShouldContain("Welcome gift");
        page.Find("[data-testid=points-ledger]").TextContent.ShouldContain("-20");
        page.Find("[data-testid=member-tier]").TextContent.ShouldContain("No tier changes");
    }

    [Fact]
    public async Task Detail_HidesAdjustAndRedeem_WhenUserIsFinance()
    {
        await Data.MembersAsync(BrandA, 1);
        SignIn(UserRoles.Finance);

        var page = RenderWithProviders<MemberDetail>(p => p.Add(x => x.ExternalId, "m001"));

        page.WaitForAssertion(() => page.Find("[data-testid=points-summary]"));
        page.FindAll("[data-testid=adjust-points]").ShouldBeEmpty();
        page.FindAll("[data-testid=redeem-reward]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Adjust_ShowsReasonRequired_WhenReasonIsEmpty()
    {
        await Data.MembersAsync(BrandA, 1);
        var (provider, _) = await ShowDialogAsync(new DialogParameters<AdjustPointsDialog> { { d => d.ExternalId, "m001" } });

        provider.Find("input[data-testid=adjust-points-value]").Input("50");
        provider.Find("[data-testid=adjust-save]").Click();

        provider.WaitForAssertion(() => provider.Markup.ShouldContain("Reason field is required"));
    }

    [Fact]
    public async Task Adjust_ShowsServiceProblem_WhenTakingMoreThanAvailable()
    {
        await Data.MembersAsync(BrandA, 1);
        await Loyalty.AdjustAsync(BrandA, "m001", 10, "Start");
        var (provider, _) = await ShowDialogAsync(new DialogParameters<AdjustPointsDialog> { { d => d.ExternalId, "m001" } });

        provider.Find("input[data-testid=adjust-points-value]").Input("-50");
        provider.Find("textarea[data-testid=adjust-reason]").Input("Too much");
        provider.Find("[data-testid=adjust-save]").Click();

        provider.WaitForAssertion(() => provider.Find("[data-testid=form-errors]").TextContent.ShouldContain("has 10 points available"));
    }

    [Fact]
    public async Task Adjust_WritesEntryAndAuditEvent_WhenValid()
    {
        await Data.MembersAsync(BrandA, 1);
        var (provider, reference) = await ShowDialogAsync(new DialogParameters<AdjustPointsDialog> { { d => d.ExternalId, "m001" } });

        provider.Find("input[data-testid=adjust-points-value]").Input("75");
        provider.Find("textarea[data-testid=adjust-reason]").Input("Goodwill");
        provider.Find("[data-testid=adjust-save]").Click();

        (await reference.Result)!.Canceled.ShouldBeFalse();
        var member = (await Services.GetRequiredService<MemberService>().GetAsync("m001")).Value!;
        (await Services.GetRequiredService<CommunitySaaS.Core.Points.PointsQueries>().SummaryAsync(member.Id)).Points.Available.ShouldBe(75);
        var audit = await Services.GetRequiredService<AuditLogService>().ListAsync(new AuditQuery(Action: "points.adjusted"), new CommunitySaaS.Core.Common.PageRequest());
        audit.Data.ShouldHaveSingleItem().Target.Id.ShouldBe(member.Id);
    }

    [Fact]
    public async Task Redeem_ShowsRefusal_WhenPointsAreShort()
    {
        await Data.MembersAsync(BrandA, 1);
        var reward = await Loyalty.RewardAsync(BrandA, "mug", 500);
        var (provider, _) = await ShowDialogAsync(new DialogParameters<RedeemRewardDialog> { { d => d.ExternalId, "m001" } });
        await provider.InvokeAsync(() => provider.FindComponent<MudSelect<CommunitySaaS.Core.Rewards.RewardView>>().Instance.SelectOption(reward));

        provider.Find("[data-testid=redeem-save]").Click();

        provider.WaitForAssertion(() => provider.Find("[data-testid=redeem-refusal]").TextContent.ShouldContain("This needs 500 points"));
    }
}
