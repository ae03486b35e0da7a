using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

public sealed class PointsEvaluationTests
{
    private readonly IRuleEvaluator _evaluator = TestHost.Create().Evaluator;

    private PointsEvaluation Evaluate(string json, RuleInputs inputs, string eventName = "order.paid") =>
        _evaluator.EvaluatePoints(TestHost.Source(RuleSetKind.Points, json), eventName, inputs);

    [Fact]
    public void EvaluatePoints_AddsEveryMatchingRule_WhenNoneIsExclusive()
    {
        var json = Workflow(
            Points("Base", "order.Total > 0", "order.Total"),
            Points("BigBasket", "order.Total >= 100", "25"),
            Points("Shoes", "order.Lines.Any(l => l.Category == \"shoes\")", "5"),
            Points("Never", "order.Total > 1000", "999"));

        var result = Evaluate(json, Sample.Inputs(order: Sample.Order(120m)));

        result.TotalPoints.ShouldBe(145);
        result.FiredRules.Select(rule => rule.RuleName).ShouldBe(["Base", "BigBasket"]);
        result.FiredRules.ShouldAllBe(rule => rule.Kind == RuleOutputKind.Points);
    }

    [Fact]
    public void EvaluatePoints_RoundsEachOutputDown_WhenOutputHasDecimals()
    {
        var result = Evaluate(Workflow(Points("Base", "true", "order.Total"), Points("Half", "true", "order.Total / 2")), Sample.Inputs(order: Sample.Order(99.90m)));

        result.FiredRules.Select(rule => rule.Output).ShouldBe([99m, 49m]);
        result.TotalPoints.ShouldBe(148);
    }

    [Fact]
    public void EvaluatePoints_StopsLowerPriorities_WhenAnExclusiveRuleMatches()
    {
        var json = Workflow(
            Points("Base", "true", "order.Total", priority: 0),
            Points("Promo", "order.Total >= 50", "500", priority: 10, exclusive: true),
            Points("SamePriority", "true", "7", priority: 10),
            Points("Higher", "true", "1", priority: 20));

        var result = Evaluate(json, Sample.Inputs(order: Sample.Order(80m)));

        result.FiredRules.Select(rule => rule.RuleName).ShouldBe(["Higher", "Promo", "SamePriority"]);
        result.TotalPoints.ShouldBe(508);
    }

    [Fact]
    public void EvaluatePoints_KeepsLowerPriorities_WhenTheExclusiveRuleDoesNotMatch()
    {
        var json = Workflow(Points("Base", "true", "order.Total"), Points("Promo", "order.Total >= 500", "1000", priority: 10, exclusive: true));

        Evaluate(json, Sample.Inputs(order: Sample.Order(80m))).TotalPoints.ShouldBe(80);
    }

    [Fact]
    public void EvaluatePoints_AppliesTierMultipliersLast_WhenMemberIsInTheTier()
    {
        var json = Workflow(
            Points("Gold", "true", "1.5", multiplier: true, tier: "Gold", priority: 5),
            Points("Base", "true", "order.Total"),
            Points("Bonus", "true", "10"));

        var gold = Evaluate(json, Sample.Inputs(order: Sample.Order(100m), member: Sample.Member("Gold")));
        var silver = Evaluate(json, Sample.Inputs(order: Sample.Order(100m), member: Sample.Member("Silver")));

        gold.BasePoints.ShouldBe(110);
        gold.Multiplier.ShouldBe(1.5m);
        gold.TotalPoints.ShouldBe(165);
        gold.FiredRules[^1].ShouldBe(new FiredRule("Gold", 5, RuleOutputKind.Multiplier, 1.5m));
        silver.TotalPoints.ShouldBe(110);
    }

    [Fact]
    public void EvaluatePoints_UsesOnlyTheEventsRules_WhenSeveralEventsAreDefined()
    {
        var json = Workflow(Points("Order", "true", "order.Total"), Points("Checkin", "true", "10", eventName: "checkin"));

        var result = Evaluate(json, Sample.Inputs(activity: Sample.Activity("checkin")), "checkin");

        result.TotalPoints.ShouldBe(10);
        result.FiredRules.Single().RuleName.ShouldBe("Checkin");
        result.Failures.ShouldBeEmpty();
    }

    [Fact]
    public void EvaluatePoints_ReadsActivityProperties_WhenRuleUsesThem()
    {
        var json = Workflow(Points("FiveStars", "activity.Properties[\"stars\"] == \"5\"", "30", eventName: "review"));

        Evaluate(json, Sample.Inputs(activity: Sample.Activity("review", ("stars", "5"))), "review").TotalPoints.ShouldBe(30);
        Evaluate(json, Sample.Inputs(activity: Sample.Activity("review", ("stars", "3"))), "review").TotalPoints.ShouldBe(0);
    }

    [Fact]
    public void EvaluatePoints_RecordsAFailureAndSkipsTheRule_WhenItReadsAMissingInput()
    {
        var json = Workflow(Points("NeedsOrder", "order.Total > 0", "5", eventName: "signin"), Points("Always", "true", "1", eventName: "signin"));

        var result = Evaluate(json, Sample.Inputs(), "signin");

        result.TotalPoints.ShouldBe(1);
        result.Failures.Single().RuleName.ShouldBe("NeedsOrder");
        result.Failures.Single().Message.ShouldContain("input");
    }

    [Fact]
    public void EvaluatePoints_SaysWhichVersionItUsed_WhenEvaluated()
    {
        var source = TestHost.Source(RuleSetKind.Points, Workflow(Points("Base", "true", "order.Total")));

        var result = _evaluator.EvaluatePoints(source, "order.paid", Sample.Inputs(order: Sample.Order(3m)));

        result.RuleSet.ShouldBe(source.Ref);
        result.EventName.ShouldBe("order.paid");
    }

    [Fact]
    public void EvaluatePoints_Throws_WhenGivenAnotherKind()
    {
        var source = TestHost.Source(RuleSetKind.Tiers, Workflow(Tier("Gold", "true", "Gold", 1)));

        Should.Throw<ArgumentException>(() => _evaluator.EvaluatePoints(source, "order.paid", Sample.Inputs()));
    }

    [Fact]
    public void EvaluatePoints_UsesTheNowInput_WhenRuleDependsOnTheDate()
    {
        var json = Workflow(Points("Weekend", "now.DayOfWeek == DayOfWeek.Saturday", "100"));

        Evaluate(json, Sample.Inputs(order: Sample.Order(1m))).TotalPoints.ShouldBe(100);
        Evaluate(json, Sample.Inputs(order: Sample.Order(1m), now: Sample.Now.AddDays(1))).TotalPoints.ShouldBe(0);
    }
}
