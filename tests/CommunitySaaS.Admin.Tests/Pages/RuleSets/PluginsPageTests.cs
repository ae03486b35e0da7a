using CommunitySaaS.Admin.Pages.Plugins;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Users;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Admin.Tests.Pages.RuleSets;

public sealed class PluginsPageTests : ConsoleTestContext
{
    private RuleSeed Rules => new(Services, BrandA);

    [Fact]
    public void Render_ListsBuiltInPluginsWithToggles_WhenOperator()
    {
        SignIn(UserRoles.Operator);

        var page = RenderWithProviders<PluginsPage>();

        page.FindAll("[data-testid=plugin-row]").Select(r => r.GetAttribute("data-plugin")).ShouldBe(["Calendar", "GroupBuy", "Streaks"]);
        var streaks = page.Find("[data-plugin=Streaks]");
        streaks.TextContent.ShouldContain("Reached");
        streaks.QuerySelectorAll("input[type=checkbox]").Length.ShouldBe(1);
    }

    [Fact]
    public void Render_ShowsStateWithoutToggles_WhenFinance()
    {
        SignIn(UserRoles.Finance);

        var page = RenderWithProviders<PluginsPage>();

        page.FindAll("[data-testid=plugin-row]").Count.ShouldBe(3);
        page.FindAll("input[type=checkbox]").ShouldBeEmpty();
        page.Find("[data-plugin=Calendar]").TextContent.ShouldContain("Off");
    }

    [Fact]
    public async Task Toggle_EnablesPlugin_WhenOwnerSwitchesItOn()
    {
        var page = RenderWithProviders<PluginsPage>();

        await page.Find("[data-plugin=Calendar] input[type=checkbox]").ChangeAsync(new() { Value = true });

        page.WaitForAssertion(() => page.Find("[data-plugin=Calendar]").TextContent.ShouldContain("owner@a.example"));
        (await Rules.PluginsAsync()).Single(p => p.Name == "Calendar").Enabled.ShouldBeTrue();
    }

    [Fact]
    public async Task Toggle_ShowsConflictAndKeepsPlugin_WhenActiveVersionUsesIt()
    {
        await Rules.EnablePluginAsync("Streaks");
        await Rules.DraftAsync(RuleSetKind.Points, """
            { "WorkflowName": "points", "Rules": [ { "RuleName": "Week", "Expression": "Streaks.Reached(stats.SigninStreakDays, 7)",
              "Properties": { "event": "signin" }, "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "70" } } } } ] }
            """);
        await Rules.PublishAsync(RuleSetKind.Points, 2);
        var page = RenderWithProviders<PluginsPage>();

        await page.Find("[data-plugin=Streaks] input[type=checkbox]").ChangeAsync(new() { Value = false });

        page.WaitForAssertion(() => page.Find("[data-testid=plugin-error]").TextContent.ShouldContain("The active points version 2 uses Streaks"));
        (await Rules.PluginsAsync()).Single(p => p.Name == "Streaks").Enabled.ShouldBeTrue();
    }
}
