using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

public sealed class CommissionEvaluationTests
{
    private readonly IRuleEvaluator _evaluator = TestHost.Create().Evaluator;

    private CommissionEvaluation Evaluate(string json, RuleInputs inputs) =>
        _evaluator.EvaluateCommission(TestHost.Source(RuleSetKind.Commission, json), inputs);

    [Fact]
    public void EvaluateCommission_GivesARatePerLevel_WhenKosAndUplineExist()
    {
        var json = Workflow(Commission("L1", "true", 1, "0.10"), Commission("L2", "true", 2, "0.03"));

        var result = Evaluate(json, Sample.Inputs(order: Sample.Order(200m), kos: Sample.Kos(), upline: Sample.Kos()));

        result.Levels.ShouldBe([
            new CommissionLevelResult(1, "L1", CommissionBasis.Rate, 0.10m, 20m, false),
            new CommissionLevelResult(2, "L2", CommissionBasis.Rate, 0.03m, 6m, false),
        ]);
    }

    [Fact]
    public void EvaluateCommission_UsesTheHighestPriorityMatch_WhenSeveralRulesMatchALevel()
    {
        var json = Workflow(
            Commission("Default", "true", 1, "0.10"),
            Commission("SeniorKos", "kos.Level >= 3", 1, "0.15", priority: 10),
            Commission("Top", "kos.Level >= 9", 1, "0.30", priority: 20));

        var result = Evaluate(json, Sample.Inputs(order: Sample.Order(100m), kos: Sample.Kos(level: 4)));

        result.Level(1)!.RuleName.ShouldBe("SeniorKos");
        result.Level(1)!.Amount.ShouldBe(15m);
    }

    [Fact]
    public void EvaluateCommission_GivesAFixedAmount_WhenBasisIsFixed()
    {
        var json = Workflow(Commission("Flat", "order.Total >= 50", 1, "8", basis: "fixed"));

        var result = Evaluate(json, Sample.Inputs(order: Sample.Order(75m), kos: Sample.Kos()));

        result.Level(1).ShouldBe(new CommissionLevelResult(1, "Flat", CommissionBasis.Fixed, 8m, 8m, false));
    }

    [Fact]
    public void EvaluateCommission_CapsTheAmount_WhenItExceedsTheCap()
    {
        var json = Workflow(Commission("Capped", "true", 1, "0.10", cap: 50m));

        var result = Evaluate(json, Sample.Inputs(order: Sample.Order(1_000m), kos: Sample.Kos()));

        result.Level(1)!.Amount.ShouldBe(50m);
        result.Level(1)!.Capped.ShouldBeTrue();
    }

    [Fact]
    public void EvaluateCommission_BindsKosToTheUpline_WhenRuleIsLevelTwo()
    {
        var json = Workflow(Commission("L2Senior", "kos.Rank == \"Director\"", 2, "0.05"));

        var result = Evaluate(json, Sample.Inputs(order: Sample.Order(100m), kos: Sample.Kos(rank: "Starter"), upline: Sample.Kos(rank: "Director")));

        result.Level(2)!.Amount.ShouldBe(5m);
        result.Level(1).ShouldBeNull();
    }

    [Fact]
    public void EvaluateCommission_SkipsLevelTwo_WhenThereIsNoUpline()
    {
        var json = Workflow(Commission("L1", "true", 1, "0.10"), Commission("L2", "true", 2, "0.03"));

        Evaluate(json, Sample.Inputs(order: Sample.Order(10m), kos: Sample.Kos())).Levels.Select(level => level.Level).ShouldBe([1]);
    }

    [Fact]
    public void EvaluateCommission_FallsThroughAndReports_WhenTheTopRuleGivesAnImpossibleRate()
    {
        var json = Workflow(Commission("Typo", "true", 1, "10", priority: 5), Commission("Default", "true", 1, "0.10"));

        var result = Evaluate(json, Sample.Inputs(order: Sample.Order(100m), kos: Sample.Kos()));

        result.Level(1)!.RuleName.ShouldBe("Default");
        result.Failures.Single().RuleName.ShouldBe("Typo");
    }

    [Fact]
    public void EvaluateCommission_RoundsToFourDecimals_WhenTheRateGivesMore()
    {
        var json = Workflow(Commission("L1", "true", 1, "0.033"));

        Evaluate(json, Sample.Inputs(order: Sample.Order(99.99m), kos: Sample.Kos())).Level(1)!.Amount.ShouldBe(3.2997m);
    }
}
