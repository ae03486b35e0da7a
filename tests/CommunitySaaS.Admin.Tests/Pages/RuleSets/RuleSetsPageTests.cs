using System.Reflection;
using System.Security.Claims;
using CommunitySaaS.Admin.Pages.Plugins;
using CommunitySaaS.Admin.Pages.RuleSets;
using CommunitySaaS.Admin.Security;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Users;
using CommunitySaaS.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Pages.RuleSets;

public sealed class RuleSetsPageTests : ConsoleTestContext
{
    private RuleSeed Rules => new(Services, BrandA);

    [Fact]
    public void Render_ShowsTemplateAsActiveVersion_WhenOwner()
    {
        var page = RenderWithProviders<RuleSetsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=version-row]").Count.ShouldBe(1));
        var row = page.Find("[data-testid=version-row]");
        row.TextContent.ShouldContain("v1");
        row.QuerySelector("[data-testid=status-chip]")!.TextContent.ShouldContain("active");
        row.TextContent.ShouldContain("The default template");
        page.FindAll("[data-testid=new-draft]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Render_ShowsKindFromAddress_WhenCommission()
    {
        await Rules.DraftAsync(RuleSetKind.Commission, RuleSeed.Commission("0.12"), "Twelve percent");

        var page = RenderWithProviders<RuleSetsPage>(p => p.Add(x => x.KindName, "commission"));

        page.WaitForAssertion(() => page.Find("[data-testid=versions-table]").TextContent.ShouldContain("Twelve percent"));
        page.Find("[data-version='2'] [data-testid=status-chip]").TextContent.ShouldContain("draft");
    }

    [Fact]
    public async Task Render_HidesChangeButtons_WhenFinance()
    {
        SignIn(UserRoles.Finance);
        await Rules.DraftAsync(RuleSetKind.Points, RuleSeed.Points("order.Total * 2"), "Double points");

        var page = RenderWithProviders<RuleSetsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=versions-table]").TextContent.ShouldContain("Double points"));
        page.FindAll("[data-testid=publish-2]").ShouldBeEmpty();
        page.FindAll("[data-testid=new-draft]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_ShowsNotFound_WhenKindIsUnknown()
    {
        var page = RenderWithProviders<RuleSetsPage>(p => p.Add(x => x.KindName, "bonus"));

        page.Markup.ShouldContain("There is no rule set kind 'bonus'");
        page.FindAll("[data-testid=versions-table]").ShouldBeEmpty();
    }

    [Fact]
    public async Task History_PublishesDraft_WhenOwnerConfirmsWithNote()
    {
        await Rules.DraftAsync(RuleSetKind.Points, RuleSeed.Points("order.Total * 2"), "Double points");
        var page = RenderWithProviders<RuleSetsPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=publish-2]").Count.ShouldBe(1));

        // The click's handler waits for the dialog's answer, so it completes only after the confirmation below.
        var click = page.Find("[data-testid=publish-2]").ClickAsync(new());
        DialogProvider.WaitForAssertion(() => DialogProvider.Find("[data-testid=change-summary]").TextContent.ShouldContain("Version 1, active now, will be archived"));
        DialogProvider.Find("input[data-testid=change-note]").Input("Spring promotion");
        await DialogProvider.Find("[data-testid=change-confirm]").ClickAsync(new());
        await click;

        page.WaitForAssertion(() => page.Find("[data-version='2'] [data-testid=status-chip]").TextContent.ShouldContain("active"));
        page.Find("[data-version='1'] [data-testid=status-chip]").TextContent.ShouldContain("archived");
        var active = await Rules.ActiveAsync(RuleSetKind.Points);
        active.Version.ShouldBe(2);
        active.PublishNote.ShouldBe("Spring promotion");
        active.PublishedBy.ShouldBe("owner@a.example");
    }

    [Fact]
    public async Task History_RollsBackToEarlierVersion_WhenOperatorConfirms()
    {
        SignIn(UserRoles.Operator);
        await Rules.DraftAsync(RuleSetKind.Points, RuleSeed.Points("order.Total * 2"));
        await Rules.PublishAsync(RuleSetKind.Points, 2);
        var page = RenderWithProviders<RuleSetsPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=rollback-1]").Count.ShouldBe(1));

        var click = page.Find("[data-testid=rollback-1]").ClickAsync(new());
        DialogProvider.WaitForAssertion(() => DialogProvider.Find("[data-testid=change-summary]").TextContent.ShouldContain("copied into a new version"));
        await DialogProvider.Find("[data-testid=change-confirm]").ClickAsync(new());
        await click;

        page.WaitForAssertion(() => page.Find("[data-version='3'] [data-testid=status-chip]").TextContent.ShouldContain("active"));
        page.Find("[data-version='3'] td:nth-child(6)").TextContent.Trim().ShouldBe("v1");
        var active = await Rules.ActiveAsync(RuleSetKind.Points);
        (active.Version, active.BasedOnVersion).ShouldBe((3, 1));
    }

    [Fact]
    public async Task Pages_RequireTenantPolicies_WhichRefusePlatformAndLetFinanceOnlyRead()
    {
        Policy<RuleSetsPage>().ShouldBe(ConsolePolicies.Read);
        Policy<RuleSetVersionPage>().ShouldBe(ConsolePolicies.Read);
        Policy<PluginsPage>().ShouldBe(ConsolePolicies.Read);
        Policy<RuleSetEditorPage>().ShouldBe(ConsolePolicies.Operate);

        SignIn(UserRoles.Platform);
        (await AllowsAsync(ConsolePolicies.Read)).ShouldBeFalse();
        SignIn(UserRoles.Finance);
        (await AllowsAsync(ConsolePolicies.Read)).ShouldBeTrue();
        (await AllowsAsync(ConsolePolicies.Operate)).ShouldBeFalse();
        SignIn(UserRoles.Operator);
        (await AllowsAsync(ConsolePolicies.Operate)).ShouldBeTrue();
    }

    private static string? Policy<TPage>() => typeof(TPage).GetCustomAttribute<AuthorizeAttribute>()?.Policy;

    private async Task<bool> AllowsAsync(string policy)
    {
        ClaimsPrincipal user = (await Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User;
        return (await Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, policy)).Succeeded;
    }
}
