using CommunitySaaS.Plugins.Streaks;
using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

public sealed class PluginTests
{
    private readonly TestHost _host = TestHost.Create();

    [Fact]
    public void Catalog_ListsTheBuiltInPlugins_WhenRegistered()
    {
        _host.Catalog.Plugins.Select(plugin => plugin.Name).ShouldBe(["Calendar", "GroupBuy", "Streaks"]);
        _host.Catalog.Plugins[0].Functions.ShouldContain("Calendar.IsBirthdayMonth(birthday, now)");
        _host.Catalog.LoadErrors.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_AllowsPluginFunctions_WhenThePluginIsEnabled()
    {
        var json = Workflow(Points("Birthday", "Calendar.IsBirthdayMonth(member.Birthday, now)", "order.Total"));

        _host.Validator.Validate(RuleSetKind.Points, json, ["Calendar"]).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_NamesThePluginToEnable_WhenItsFunctionIsUsedWithoutIt()
    {
        var json = Workflow(Points("Birthday", "Calendar.IsBirthdayMonth(member.Birthday, now)", "order.Total"));

        var error = _host.Validator.Validate(RuleSetKind.Points, json, ["Streaks"]).Errors.ShouldHaveSingleItem();

        error.Message.ShouldContain("Calendar plugin, which is not enabled");
        error.Path.ShouldBe("$.Rules[0].Expression");
    }

    [Fact]
    public void Validate_RefusesAnUninstalledPlugin_WhenTheTenantEnablesIt()
    {
        var error = _host.Validator.Validate(RuleSetKind.Points, Workflow(Points("A", "true", "1")), ["Lottery"]).Errors.ShouldHaveSingleItem();

        error.Message.ShouldContain("'Lottery'");
        error.Message.ShouldContain("Calendar, GroupBuy, Streaks");
    }

    [Fact]
    public void EvaluatePoints_DoublesBirthdayMonthPoints_WhenCalendarIsEnabled()
    {
        var json = Workflow(
            Points("Base", "true", "order.Total"),
            Points("BirthdayMonth", "Calendar.IsBirthdayMonth(member.Birthday, now)", "2", multiplier: true));
        var source = TestHost.Source(RuleSetKind.Points, json, "Calendar");

        var birthday = _host.Evaluator.EvaluatePoints(source, "order.paid", Sample.Inputs(order: Sample.Order(40m), member: Sample.Member(birthday: new DateOnly(1990, 3, 2))));
        var other = _host.Evaluator.EvaluatePoints(source, "order.paid", Sample.Inputs(order: Sample.Order(40m), member: Sample.Member(birthday: new DateOnly(1990, 7, 2))));

        birthday.TotalPoints.ShouldBe(80);
        other.TotalPoints.ShouldBe(40);
    }

    [Fact]
    public void EvaluatePoints_UsesThePluginAction_WhenARuleNamesIt()
    {
        var json = Workflow(Action("Streak", "Streaks.Reached(stats.SigninStreakDays, 3)", "Streaks.StreakBonus",
            new() { ["streakDays"] = "stats.SigninStreakDays", ["perDay"] = 2, ["maxDays"] = 7 }));
        var source = TestHost.Source(RuleSetKind.Points, json, "Streaks");

        _host.Evaluator.EvaluatePoints(source, "signin", Sample.Inputs(stats: Sample.Stats(streak: 5))).TotalPoints.ShouldBe(10);
        _host.Evaluator.EvaluatePoints(source, "signin", Sample.Inputs(stats: Sample.Stats(streak: 30))).TotalPoints.ShouldBe(14);
        _host.Evaluator.EvaluatePoints(source, "signin", Sample.Inputs(stats: Sample.Stats(streak: 2))).TotalPoints.ShouldBe(0);
    }

    [Fact]
    public void EvaluatePoints_GivesTheLeaderBonus_WhenTheGroupOrderReachesItsSize()
    {
        var json = Workflow(Action("Leader", "true", "GroupBuy.LeaderBonus",
            new() { ["members"] = "stats.GroupOrderMembers", ["minMembers"] = 10, ["bonus"] = 500, ["perExtraMember"] = 20 }, "order.paid"));
        var source = TestHost.Source(RuleSetKind.Points, json, "GroupBuy");

        _host.Evaluator.EvaluatePoints(source, "order.paid", Sample.Inputs(order: Sample.Order(1m), stats: Sample.Stats(groupMembers: 12))).TotalPoints.ShouldBe(540);
        _host.Evaluator.EvaluatePoints(source, "order.paid", Sample.Inputs(order: Sample.Order(1m), stats: Sample.Stats(groupMembers: 9))).TotalPoints.ShouldBe(0);
    }

    [Fact]
    public void Validate_RefusesAnAction_WhenItsPluginIsNotEnabled()
    {
        var json = Workflow(Action("Streak", "true", "Streaks.StreakBonus", new() { ["streakDays"] = 1, ["perDay"] = 1, ["maxDays"] = 1 }));

        _host.Validator.Validate(RuleSetKind.Points, json, []).Errors.ShouldHaveSingleItem().Message.ShouldContain("Streaks plugin, which is not enabled");
    }

    [Fact]
    public void Validate_RequiresTheActionsArguments_WhenOneIsMissing()
    {
        var json = Workflow(Action("Streak", "true", "Streaks.StreakBonus", new() { ["streakDays"] = 1, ["perDay"] = 1 }));

        _host.Validator.Validate(RuleSetKind.Points, json, ["Streaks"]).Errors.ShouldHaveSingleItem().Path
            .ShouldBe("$.Rules[0].Actions.OnSuccess.Context.maxDays");
    }

    [Fact]
    public void Catalog_LoadsAnAllowedExternalPlugin_WhenItsAssemblyIsInThePluginFolder()
    {
        using var folder = new PluginFolder().CopyAssemblyOf(typeof(StreaksPlugin));
        var host = TestHost.Create(options => Configure(options, folder, "CommunitySaaS.Plugins.Streaks"), builtInPlugins: false);
        var source = TestHost.Source(RuleSetKind.Points, Workflow(Points("Weekly", "Streaks.IsMilestone(stats.SigninStreakDays, 7)", "70", eventName: "signin")), "Streaks");

        var info = host.Catalog.Plugins.ShouldHaveSingleItem();
        var result = host.Evaluator.EvaluatePoints(source, "signin", Sample.Inputs(stats: Sample.Stats(streak: 14)));

        info.Source.ShouldStartWith(folder.Path);
        host.Catalog.Find("streaks")!.GetType().Assembly.ShouldNotBe(typeof(StreaksPlugin).Assembly);
        result.TotalPoints.ShouldBe(70);
    }

    [Fact]
    public void Catalog_SkipsAndReports_WhenTheAssemblyIsNotAllowed()
    {
        using var folder = new PluginFolder().CopyAssemblyOf(typeof(StreaksPlugin));
        var host = TestHost.Create(options => Configure(options, folder), builtInPlugins: false);

        host.Catalog.Plugins.ShouldBeEmpty();
        host.Catalog.LoadErrors.ShouldHaveSingleItem().Message.ShouldContain("not in the allowed plugin assemblies");
    }

    [Fact]
    public void Catalog_SkipsAndReports_WhenTheFileIsCorrupt()
    {
        using var folder = new PluginFolder().Write("Corrupt.dll", [0x4D, 0x5A, 0x00, 0x01, 0x02]).CopyAssemblyOf(typeof(StreaksPlugin));
        var host = TestHost.Create(options => Configure(options, folder, "Corrupt", "CommunitySaaS.Plugins.Streaks"), builtInPlugins: false);

        host.Catalog.LoadErrors.ShouldHaveSingleItem().Message.ShouldContain("not a loadable .NET assembly");
        host.Catalog.Plugins.Single().Name.ShouldBe("Streaks");
    }

    [Fact]
    public void Catalog_SkipsAndReports_WhenThePluginConstructorThrows()
    {
        using var folder = new PluginFolder().CopyAssemblyOf(typeof(ThrowingPlugin));
        var host = TestHost.Create(options => Configure(options, folder, typeof(ThrowingPlugin).Assembly.GetName().Name!), builtInPlugins: false);

        host.Catalog.Plugins.ShouldBeEmpty();
        host.Catalog.LoadErrors.ShouldHaveSingleItem().Message.ShouldContain("licence file missing");
    }

    [Fact]
    public void Catalog_SkipsAndReports_WhenTheAssemblyHasNoPlugin()
    {
        using var folder = new PluginFolder().CopyAssemblyOf(typeof(Shouldly.ShouldAssertException));
        var host = TestHost.Create(options => Configure(options, folder, "Shouldly"), builtInPlugins: false);

        host.Catalog.LoadErrors.ShouldHaveSingleItem().Message.ShouldContain("no public IRulesPlugin");
    }

    [Fact]
    public void Catalog_RefusesAPlugin_WhenItOffersAFrameworkTypeToRules()
    {
        var catalog = new PluginCatalog([new LeakyPlugin()], new RulesOptions { PluginFolder = "none" });

        catalog.Plugins.ShouldBeEmpty();
        catalog.LoadErrors.ShouldHaveSingleItem().Message.ShouldContain("static class in the plugin's own assembly");
    }

    private static void Configure(RulesOptions options, PluginFolder folder, params string[] allowed)
    {
        options.PluginFolder = folder.Path;
        foreach (var name in allowed)
        {
            options.AllowedPluginAssemblies.Add(name);
        }
    }

    private sealed class LeakyPlugin : CommunitySaaS.Plugins.IRulesPlugin
    {
        public string Name => "Leaky";

        public Version Version => new(1, 0);

        public string Description => "Tries to open System.IO.File to rules.";

        public IReadOnlyList<Type> FunctionTypes => [typeof(File)];

        public IReadOnlyList<CommunitySaaS.Plugins.IRuleAction> Actions => [];
    }
}
