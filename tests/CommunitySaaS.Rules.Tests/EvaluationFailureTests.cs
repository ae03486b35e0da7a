using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

/// <summary>
/// The evaluator's contract: a missing input is a <see cref="RuleFailure"/> and the result stands; overflow, a spent
/// budget or a throwing rule is a <see cref="RuleEvaluationException"/> and there is no result (never 0, never long.MaxValue).
/// </summary>
public sealed class EvaluationFailureTests
{
    private readonly TestHost _host = TestHost.Create();

    private PointsEvaluation Evaluate(RuleInputs inputs, params object[] rules) =>
        _host.Evaluator.EvaluatePoints(TestHost.Source(RuleSetKind.Points, Workflow(rules), Cases.Plugins), "order.paid", inputs);

    private RuleEvaluationException Fails(RuleInputs inputs, params object[] rules) => Should.Throw<RuleEvaluationException>(() => Evaluate(inputs, rules));

    [Fact]
    public void EvaluatePoints_FailsWithOverflow_WhenMultipliersOverflowADecimal()
    {
        var failure = Fails(
            Sample.Inputs(order: Sample.Order(1_000_000m)),
            Points("Base", "true", "order.Total"),
            Points("Boost", "true", "1000000000000", multiplier: true, priority: 2),
            Points("Again", "true", "1000000000000", multiplier: true, priority: 1));

        failure.Failure.ShouldBe(RuleEvaluationFailure.Overflow);
        failure.RuleName.ShouldBe("Again");
        failure.RulePath.ShouldBe("$.Rules[2]");
    }

    [Fact]
    public void EvaluatePoints_FailsWithOverflow_WhenTheProductIsBeyondALedgerButFitsADecimal()
    {
        var failure = Fails(
            Sample.Inputs(order: Sample.Order(1_000_000m)),
            Points("Base", "true", "order.Total"),
            Points("Boost", "true", "100000000000000", multiplier: true));

        failure.Failure.ShouldBe(RuleEvaluationFailure.Overflow);
        failure.RuleName.ShouldBe("Boost");
        failure.Reason.ShouldContain("9,223,372,036,854,775,807");
    }

    [Fact]
    public void EvaluatePoints_KeepsTheLargestLegalTotal_WhenTheProductJustFits()
    {
        Evaluate(Sample.Inputs(order: Sample.Order(1m)), Points("Base", "true", "9223372036854775807"), Points("One", "true", "1", multiplier: true))
            .TotalPoints.ShouldBe(long.MaxValue);
    }

    [Fact]
    public void EvaluatePoints_FailsWithOverflow_WhenAdditiveRulesSumBeyondALedger()
    {
        var failure = Fails(Sample.Inputs(), Points("A", "true", "9000000000000000000", priority: 1), Points("B", "true", "9000000000000000000"));

        failure.Failure.ShouldBe(RuleEvaluationFailure.Overflow);
        failure.RuleName.ShouldBe("B");
    }

    [Theory]
    [InlineData("order.Total / (order.ItemCount - order.ItemCount) > 0")]
    [InlineData("order.Lines.Where(l => l.Sku == \"none\").First().Amount > 0")]
    [InlineData("DateTime.MaxValue.AddDays(order.ItemCount) > DateTime.MinValue")]
    public void EvaluatePoints_FailsTheEvaluation_WhenARuleThrows(string expression)
    {
        var failure = Fails(Sample.Inputs(order: Sample.Order(10m)), Points("Base", "true", "order.Total"), Points("Throws", expression, "1"));

        failure.Failure.ShouldBe(RuleEvaluationFailure.RuleError);
        failure.RuleName.ShouldBe("Throws");
        failure.Message.ShouldStartWith("Rule 'Throws': The rule failed:");
    }

    [Fact]
    public void EvaluatePoints_FailsTheEvaluation_WhenAPluginActionOverflows()
    {
        var failure = Fails(
            Sample.Inputs(stats: Sample.Stats(groupMembers: 1_000)),
            Action("Leader", "true", "GroupBuy.LeaderBonus",
                new Dictionary<string, object> { ["members"] = "stats.GroupOrderMembers", ["minMembers"] = 1, ["bonus"] = 1, ["perExtraMember"] = "decimal.MaxValue" }, "order.paid"));

        failure.Failure.ShouldBe(RuleEvaluationFailure.Overflow);
        failure.RuleName.ShouldBe("Leader");
    }

    [Fact]
    public void EvaluatePoints_ListsAFailureAndKeepsTheResult_WhenARuleReadsAValueTheMemberDoesNotHave()
    {
        var result = Evaluate(
            Sample.Inputs(order: Sample.Order(10m), member: Sample.Member(birthday: null)),
            Points("Base", "true", "order.Total"),
            Points("Birthday", "member.Birthday.Value.Month == 3", "100"));

        result.TotalPoints.ShouldBe(10);
        result.Failures.ShouldHaveSingleItem().RuleName.ShouldBe("Birthday");
        result.Failures[0].Message.ShouldContain("guard it");
    }

    [Fact]
    public void EvaluateCommission_FailsTheEvaluation_WhenAFixedAmountOverflows()
    {
        var inputs = Sample.Inputs(order: Sample.Order(10m), kos: Sample.Kos());
        var json = Workflow(Commission("Huge", "true", 1, "decimal.MaxValue * 2", basis: "fixed"));

        var failure = Should.Throw<RuleEvaluationException>(() => _host.Evaluator.EvaluateCommission(TestHost.Source(RuleSetKind.Commission, json), inputs));

        failure.Failure.ShouldBe(RuleEvaluationFailure.Overflow);
    }

    [Fact]
    public void EvaluateTier_FailsTheEvaluation_WhenTheRuleThrows()
    {
        var json = Workflow(Tier("Gold", "stats.Orders12m / (stats.Orders12m - stats.Orders12m) > 1", "Gold", 1));

        var failure = Should.Throw<RuleEvaluationException>(() => _host.Evaluator.EvaluateTier(TestHost.Source(RuleSetKind.Tiers, json), Sample.Inputs()));

        failure.RuleName.ShouldBe("Gold");
        failure.Failure.ShouldBe(RuleEvaluationFailure.RuleError);
    }
}
