using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

public sealed class SimulationTests
{
    private readonly IRuleSimulator _simulator = TestHost.Create().Simulator;

    [Fact]
    public void Simulate_ShowsPointsDeltaPerCase_WhenDraftDoublesOrderPoints()
    {
        var active = Workflow(Points("Base", "true", "order.Total"));
        var draft = Workflow(Points("Base", "true", "order.Total * 2"));
        SimulationCase[] cases =
        [
            new("ext-1", Sample.Inputs(order: Sample.Order(10m)), "order.paid"),
            new("ext-2", Sample.Inputs(order: Sample.Order(25m)), "order.paid"),
        ];

        var report = _simulator.Simulate(RuleSetKind.Points, active, draft, cases, []);

        report.Draft.IsValid.ShouldBeTrue();
        report.Cases.Select(result => (result.Name, result.Active!.Points, result.Draft.Points, result.Difference.PointsDelta))
            .ShouldBe([("ext-1", 10L, 20L, 10L), ("ext-2", 25L, 50L, 25L)]);
    }

    [Fact]
    public void Simulate_ShowsCommissionDeltaPerLevel_WhenDraftChangesRates()
    {
        var active = RuleSetTemplates.Default(RuleSetKind.Commission);
        var draft = Workflow(Commission("L1", "true", 1, "0.12"), Commission("L2", "true", 2, "0.03"));
        var inputs = Sample.Inputs(order: Sample.Order(100m), kos: Sample.Kos(), upline: Sample.Kos());

        var result = _simulator.Simulate(RuleSetKind.Commission, active, draft, [new("order", inputs)], []).Cases.Single();

        result.Difference.Commission.ShouldBe([new CommissionLevelDelta(1, 10m, 12m, 2m), new CommissionLevelDelta(2, 3m, 3m, 0m)]);
        result.Draft.FiredRules.Select(rule => rule.RuleName).ShouldBe(["L1", "L2"]);
    }

    [Fact]
    public void Simulate_ShowsTheTierChange_WhenDraftRaisesAThreshold()
    {
        var active = RuleSetTemplates.Default(RuleSetKind.Tiers);
        var draft = Workflow(Tier("Silver", "stats.Spend12m >= 500", "Silver", 1), Tier("Gold", "stats.Spend12m >= 3000", "Gold", 2));

        var result = _simulator.Simulate(RuleSetKind.Tiers, active, draft, [new("member", Sample.Inputs(stats: Sample.Stats(2500m)))], []).Cases.Single();

        result.Difference.ShouldBe(new SimulationDifference(0, [], true, "Gold", "Silver"), new SimulationDifferenceComparer());
    }

    [Fact]
    public void Simulate_ComparesWithNothing_WhenThereIsNoActiveVersion()
    {
        var draft = Workflow(Points("Base", "true", "order.Total"));

        var report = _simulator.Simulate(RuleSetKind.Points, null, draft, [new("o", Sample.Inputs(order: Sample.Order(7m)), "order.paid")], []);

        report.Active.ShouldBeNull();
        report.Cases.Single().Active.ShouldBeNull();
        report.Cases.Single().Difference.PointsDelta.ShouldBe(7);
    }

    [Fact]
    public void Simulate_ReturnsErrorsAndNoCases_WhenDraftIsInvalid()
    {
        var report = _simulator.Simulate(RuleSetKind.Points, null, Workflow(Points("Bad", "DateTime.Now.Hour > 1", "1")), [new("o", Sample.Inputs(), "signin")], []);

        report.Draft.IsValid.ShouldBeFalse();
        report.Draft.Errors.Single().Rule.ShouldBe("Bad");
        report.Cases.ShouldBeEmpty();
    }

    [Fact]
    public void Simulate_GivesTheSameResult_WhenRunTwiceOnTheSameInputs()
    {
        var draft = Workflow(Points("Weekend", "now.DayOfWeek == DayOfWeek.Saturday", "10", eventName: "signin"));
        SimulationCase[] cases = [new("s", Sample.Inputs(), "signin")];

        var first = _simulator.Simulate(RuleSetKind.Points, null, draft, cases, []).Cases.Single().Draft.Points;
        var second = _simulator.Simulate(RuleSetKind.Points, null, draft, cases, []).Cases.Single().Draft.Points;

        first.ShouldBe(10);
        second.ShouldBe(first);
    }

    private sealed class SimulationDifferenceComparer : IEqualityComparer<SimulationDifference>
    {
        public bool Equals(SimulationDifference? x, SimulationDifference? y) =>
            x is not null && y is not null && x.PointsDelta == y.PointsDelta && x.Commission.SequenceEqual(y.Commission)
            && x.TierChanged == y.TierChanged && x.TierBefore == y.TierBefore && x.TierAfter == y.TierAfter;

        public int GetHashCode(SimulationDifference obj) => obj.PointsDelta.GetHashCode();
    }
}
