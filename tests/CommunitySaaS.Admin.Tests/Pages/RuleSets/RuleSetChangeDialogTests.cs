using CommunitySaaS.Admin.Pages.RuleSets;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Users;
using CommunitySaaS.Rules;
using MudBlazor;

namespace CommunitySaaS.Admin.Tests.Pages.RuleSets;

public sealed class RuleSetChangeDialogTests : ConsoleTestContext
{
    private RuleSeed Rules => new(Services, BrandA);

    [Fact]
    public async Task Confirm_RefusesOnServer_WhenFinanceReachesIt()
    {
        await Rules.DraftAsync(RuleSetKind.Points, RuleSeed.Points("order.Total * 2"));
        SignIn(UserRoles.Finance);
        var (provider, _) = await ShowDialogAsync(2, 1, RuleSetChange.Publish);

        await Should.ThrowAsync<UnauthorizedAccessException>(() => provider.Find("[data-testid=change-confirm]").ClickAsync(new()));

        (await Rules.ActiveAsync(RuleSetKind.Points)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task Confirm_ShowsServiceMessageAndStaysOpen_WhenRollingBackToActiveVersion()
    {
        var (provider, reference) = await ShowDialogAsync(1, 1, RuleSetChange.Rollback);

        await provider.Find("[data-testid=change-confirm]").ClickAsync(new());

        provider.WaitForAssertion(() => provider.Find("[data-testid=change-error]").TextContent.ShouldContain("Version 1 is already the active one."));
        reference.Result.IsCompleted.ShouldBeFalse();
        (await Rules.VersionsAsync(RuleSetKind.Points)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Confirm_ReturnsNewActiveVersion_WhenPublishing()
    {
        await Rules.DraftAsync(RuleSetKind.Commission, RuleSeed.Commission("0.15"));
        var (provider, reference) = await ShowDialogAsync(2, 1, RuleSetChange.Publish, RuleSetKind.Commission);
        provider.Find("[data-testid=change-summary]").TextContent.ShouldContain("Draft version 2 becomes the active commission rules");

        await provider.Find("[data-testid=change-confirm]").ClickAsync(new());

        (await reference.Result)!.Data.ShouldBeOfType<RuleSetVersionView>().Status.ShouldBe(RuleSetStatus.Active);
        (await Rules.ActiveAsync(RuleSetKind.Commission)).Version.ShouldBe(2);
    }

    private Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Reference)> ShowDialogAsync(
        int version, int? active, RuleSetChange change, RuleSetKind kind = RuleSetKind.Points) =>
        ShowDialogAsync(new DialogParameters<RuleSetChangeDialog>
        {
            { d => d.Kind, kind }, { d => d.Version, version }, { d => d.ActiveVersion, active }, { d => d.Change, change },
        });
}
