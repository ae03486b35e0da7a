using CommunitySaaS.Admin.Pages.RuleSets;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Users;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Admin.Tests.Pages.RuleSets;

public sealed class SimulatorTests : ConsoleTestContext
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(10);

    private RuleSeed Rules => new(Services, BrandA);

    [Fact]
    public async Task VersionPage_ShowsSideBySideDiffOnLastOrders_WhenDraftDoublesPoints()
    {
        await Data.MembersAsync(BrandA, 2);
        await Data.OrderAsync(BrandA, "o-1", "m001", 10m);
        await Data.OrderAsync(BrandA, "o-2", "m002", 25m);
        await Data.OrderAsync(BrandB, "b-1", "m001", 99m);
        await Rules.DraftAsync(RuleSetKind.Points, RuleSeed.Points("order.Total * 2"), "Double points");
        var page = RenderWithProviders<RuleSetVersionPage>(p => p.Add(x => x.KindName, "points").Add(x => x.Version, 2));
        page.WaitForAssertion(() => page.FindAll("[data-testid=simulate]").Count.ShouldBe(1));

        await page.Find("[data-testid=simulate]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=sim-row]").Count.ShouldBe(2), Slow);
        page.Find("[data-testid=sim-summary]").TextContent.ShouldContain("2 of 2 cases change");
        var row = page.FindAll("[data-testid=sim-row]").Single(r => r.TextContent.Contains("o-2", StringComparison.Ordinal));
        row.GetAttribute("data-changed").ShouldBe("true");
        row.ClassList.ShouldContain("sim-changed");
        Cells(row).ShouldBe(["o-2", "50", "100", "+50"]);
        row.Children[2].TextContent.ShouldContain("OrderPaid");
        page.Find("[data-testid=sim-totals]").TextContent.ShouldContain("+70");
        // Brand B's order is not among the cases.
        page.FindAll("[data-testid=sim-row] td:first-child").Select(c => c.TextContent).ShouldBe(["o-2", "o-1"], ignoreOrder: true);
    }

    [Fact]
    public async Task Simulator_ShowsCommissionPerLevel_WhenEditorTextIsUnsaved()
    {
        await Data.MembersAsync(BrandA, 1);
        await Data.OrderAsync(BrandA, "o-1", "m001", 50m);
        var text = RuleSeed.Commission("0.15");

        var simulator = Render<RuleSetSimulator>(p => p.Add(x => x.Kind, RuleSetKind.Commission).Add(x => x.Workflow, () => text));
        await simulator.Find("[data-testid=simulate]").ClickAsync(new());

        simulator.WaitForAssertion(() => simulator.FindAll("[data-testid=sim-row]").Count.ShouldBe(1), Slow);
        Cells(simulator.Find("[data-testid=sim-row]")).Skip(1).ShouldBe(["L1 10.00 · L2 3.00", "L1 15.00 · L2 3.00", "L1 +5.00"]);
    }

    /// <summary>Each cell's own result, without the fired rules listed under it.</summary>
    private static IEnumerable<string> Cells(AngleSharp.Dom.IElement row) => row.Children.Select(c => c.FirstChild?.TextContent.Trim() ?? "");

    [Fact]
    public void Simulator_ExplainsWhy_WhenEditorTextIsNotJson()
    {
        var simulator = Render<RuleSetSimulator>(p => p.Add(x => x.Kind, RuleSetKind.Points).Add(x => x.Workflow, () => "{ not json"));

        simulator.Find("[data-testid=simulate]").Click();

        simulator.Find("[data-testid=sim-error]").TextContent.ShouldContain("not a JSON object");
    }

    [Fact]
    public async Task VersionPage_ShowsJsonReadOnlyWithoutActions_WhenFinance()
    {
        SignIn(UserRoles.Finance);
        await Rules.DraftAsync(RuleSetKind.Points, RuleSeed.Points("order.Total * 2"), "Double points");

        var page = RenderWithProviders<RuleSetVersionPage>(p => p.Add(x => x.KindName, "points").Add(x => x.Version, 2));

        page.WaitForAssertion(() => page.Find("[data-testid=version-json]").TextContent.ShouldContain("\"Expression\": \"order.Total * 2\""));
        page.FindAll("[data-testid=publish]").ShouldBeEmpty();
        page.FindAll("[data-testid=draft-from]").ShouldBeEmpty();
        page.FindAll("textarea").ShouldBeEmpty();
    }

    [Fact]
    public async Task VersionPage_OffersRollbackNotPublish_WhenVersionIsArchived()
    {
        await Rules.DraftAsync(RuleSetKind.Tiers, """{ "WorkflowName": "tiers", "Rules": [ { "RuleName": "Gold", "Expression": "stats.Spend12m >= 100", "Properties": { "tier": "Gold", "priority": 2 } } ] }""");
        await Rules.PublishAsync(RuleSetKind.Tiers, 2);

        var page = RenderWithProviders<RuleSetVersionPage>(p => p.Add(x => x.KindName, "tiers").Add(x => x.Version, 1));

        page.WaitForAssertion(() => page.FindAll("[data-testid=rollback]").Count.ShouldBe(1));
        page.FindAll("[data-testid=publish]").ShouldBeEmpty();
        page.FindAll("[data-testid=simulator]").ShouldBeEmpty();
        page.Find("[data-testid=status-chip]").TextContent.ShouldContain("archived");
    }
}
