using CommunitySaaS.Admin.Pages.RuleSets;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Users;
using CommunitySaaS.Rules;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Pages.RuleSets;

public sealed class RuleSetEditorTests : ConsoleTestContext
{
    private static readonly TimeSpan Debounced = TimeSpan.FromSeconds(5);

    private RuleSeed Rules => new(Services, BrandA);

    [Fact]
    public void Render_StartsFromActiveVersionWithoutProblems_WhenOpened()
    {
        var page = Render<RuleSetEditorPage>(p => p.Add(x => x.KindName, "points"));

        page.WaitForAssertion(() => page.FindAll("[data-testid=markers-valid]").Count.ShouldBe(1), Debounced);
        page.Find("textarea[data-testid=editor]").GetAttribute("value").ShouldNotBeNull().ShouldContain("\"RuleName\": \"OrderPaid\"");
        page.Markup.ShouldContain("Starting from version 1");
        page.FindAll("[data-testid=rule-ok]").Select(c => c.TextContent.Trim()).ShouldContain("OrderPaid");
    }

    [Fact]
    public void Typing_ShowsMarkerAndHighlightsRule_WhenExpressionReachesFiles()
    {
        var page = Render<RuleSetEditorPage>(p => p.Add(x => x.KindName, "points"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=markers-valid]").Count.ShouldBe(1), Debounced);

        page.Find("textarea[data-testid=editor]").Input(RuleSeed.Points("10", "System.IO.File.Exists(\"x\")", rule: "Sneaky"));

        page.WaitForAssertion(() => page.FindAll("[data-testid=marker]").Count.ShouldBeGreaterThan(0), Debounced);
        var marker = page.Find("[data-testid=marker]");
        marker.QuerySelector("[data-testid=marker-rule]")!.TextContent.ShouldBe("Sneaky");
        marker.QuerySelector("[data-testid=marker-expression]")!.TextContent.ShouldContain("System.IO.File.Exists(\"x\")");
        marker.QuerySelector("[data-testid=marker-path]")!.TextContent.ShouldContain("$.Rules[0]");
        marker.QuerySelector("[data-testid=marker-path]")!.TextContent.ShouldContain("line 1");
        marker.QuerySelector("[data-testid=marker-message]")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        page.Find("[data-testid=rule-bad]").TextContent.Trim().ShouldBe("Sneaky");
    }

    [Fact]
    public async Task Save_RefusesAndSavesNothing_WhenRuleSetIsInvalid()
    {
        var page = Render<RuleSetEditorPage>(p => p.Add(x => x.KindName, "points"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=markers-valid]").Count.ShouldBe(1), Debounced);
        page.Find("textarea[data-testid=editor]").Input(RuleSeed.Points("10", "Environment.ProcessorCount > 0", rule: "Env"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=marker]").Count.ShouldBeGreaterThan(0), Debounced);

        await page.Find("[data-testid=save-draft]").ClickAsync(new());

        page.Find("[data-testid=save-error]").TextContent.ShouldContain("Not saved");
        (await Rules.VersionsAsync(RuleSetKind.Points)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Save_CreatesDraftWithNote_WhenValid()
    {
        var page = Render<RuleSetEditorPage>(p => p.Add(x => x.KindName, "points"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=markers-valid]").Count.ShouldBe(1), Debounced);
        page.Find("textarea[data-testid=editor]").Input(RuleSeed.Points("order.Total * 2"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=rule-ok]").Count.ShouldBe(1), Debounced);
        page.Find("input[data-testid=draft-note]").Input("Double points week");

        await page.Find("[data-testid=save-draft]").ClickAsync(new());

        var draft = (await Rules.VersionsAsync(RuleSetKind.Points))[0];
        (draft.Version, draft.Status, draft.Note, draft.CreatedBy).ShouldBe((2, RuleSetStatus.Draft, "Double points week", "owner@a.example"));
        (await Rules.ActiveAsync(RuleSetKind.Points)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task Render_StartsFromChosenVersion_WhenFromIsGiven()
    {
        await Rules.DraftAsync(RuleSetKind.Commission, RuleSeed.Commission("0.15"));
        SignIn(UserRoles.Operator);

        Services.GetRequiredService<NavigationManager>().NavigateTo("admin/rules/commission/new?from=2");

        var page = Render<RuleSetEditorPage>(p => p.Add(x => x.KindName, "commission"));

        page.WaitForAssertion(() => page.Find("textarea[data-testid=editor]").GetAttribute("value").ShouldNotBeNull().ShouldContain("0.15"), Debounced);
        page.Markup.ShouldContain("Starting from version 2");
    }
}
