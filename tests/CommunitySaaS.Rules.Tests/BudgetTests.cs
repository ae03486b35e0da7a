using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

/// <summary>The step budget counts work, not lambda calls; time and memory are watched too.</summary>
public sealed class BudgetTests
{
    private const string Square = "order.Lines.SelectMany(a => order.Lines)";

    private static RuleEvaluationException Stopped(RuleLimits limits, params object[] rules) =>
        Should.Throw<RuleEvaluationException>(() => Evaluate(limits, rules));

    private static PointsEvaluation Evaluate(RuleLimits limits, params object[] rules) =>
        TestHost.Create(options => options.Limits = limits).Evaluator
            .EvaluatePoints(TestHost.Source(RuleSetKind.Points, Workflow(rules)), "order.paid", Sample.Inputs(order: Order(100)));

    private static OrderInput Order(int lines) =>
        Sample.Order(lines, [.. Enumerable.Range(0, lines).Select(i => Sample.Line($"SKU-{i:D3}-{new string('x', 40)}", 1m))]);

    // 100 lines: the square has 10,000 elements but its only lambda runs 100 times.
    [Theory]
    [InlineData(Square + ".Count() > 0")]
    [InlineData(Square + ".Distinct().Count() > 0")]
    [InlineData(Square + ".Except(order.Lines).Any()")]
    [InlineData(Square + ".Last().Amount > 0")]
    [InlineData(Square + ".ToList().Count > 0")]
    [InlineData(Square + ".Skip(9999).Any()")]
    [InlineData("order.Lines.SelectMany(a => order.Lines.Where(b => b.Amount > 0)).LongCount() > 0")]
    [InlineData("order.Lines.Select(a => a.Sku).Concat(" + Square + ".Select(b => b.Sku)).Count() > 0")]
    [InlineData("string.Concat(" + Square + ".Select(b => b.Sku)) != \"\"")]
    public void EvaluatePoints_CountsEveryElement_WhenOperatorsWithoutLambdasDoTheWork(string expression)
    {
        var failure = Stopped(new RuleLimits(MaxStepsPerRule: 5_000), Points("Square", expression, "1"));

        failure.Failure.ShouldBe(RuleEvaluationFailure.BudgetExceeded);
        failure.Reason.ShouldContain("5,000 steps");
    }

    [Fact]
    public void EvaluatePoints_RunsTheSameRule_WhenItsStepsFitTheBudget()
    {
        Evaluate(new RuleLimits(), Points("Square", Square + ".Distinct().Count() == 100", "7")).TotalPoints.ShouldBe(7);
    }

    [Fact]
    public void EvaluatePoints_ChargesTheScan_WhenAListsOwnContainsRunsInALoop()
    {
        var failure = Stopped(
            new RuleLimits(MaxStepsPerRule: 5_000),
            Points("Scan", "order.Lines.Count(a => order.Lines.ToList().Contains(a)) > 0", "1"));

        failure.Failure.ShouldBe(RuleEvaluationFailure.BudgetExceeded);
    }

    [Fact]
    public void EvaluatePoints_StopsAtTheEvaluationsSteps_WhenSeveralRulesEachStayWithinTheirOwn()
    {
        var failure = Stopped(
            new RuleLimits(MaxStepsPerRule: 15_000, MaxStepsPerEvaluation: 25_000),
            Points("First", Square + ".Count() > 0", "1", priority: 2),
            Points("Second", Square + ".Count() > 0", "1", priority: 1),
            Points("Third", Square + ".Count() > 0", "1"));

        failure.RuleName.ShouldBe("Third");
        failure.Reason.ShouldContain("rules of one evaluation");
    }

    [Fact]
    public void EvaluatePoints_StopsTheEvaluation_WhenItRunsPastItsTime()
    {
        var failure = Stopped(
            new RuleLimits(MaxStepsPerRule: int.MaxValue, MaxStepsPerEvaluation: int.MaxValue, MaxEvaluationMilliseconds: 1),
            Points("Slow", Square + ".SelectMany(b => order.Lines).SelectMany(c => order.Lines).Count() > 0", "1"));

        failure.Failure.ShouldBe(RuleEvaluationFailure.BudgetExceeded);
        failure.Reason.ShouldContain("longer than 1 ms");
    }

    [Fact]
    public void EvaluatePoints_StopsTheEvaluation_WhenItAllocatesPastItsMemory()
    {
        var failure = Stopped(
            new RuleLimits(MaxStepsPerRule: int.MaxValue, MaxStepsPerEvaluation: int.MaxValue, MaxEvaluationMilliseconds: 60_000, MaxEvaluationAllocatedBytes: 1024 * 1024),
            Points("Hungry", "string.Concat(" + Square + ".Select(b => b.Sku + b.Sku)) != \"\"", "1"));

        failure.Failure.ShouldBe(RuleEvaluationFailure.BudgetExceeded);
        failure.Reason.ShouldContain("allocated more than 1 MB");
    }

    [Theory]
    [InlineData("order.ItemCount.ToString(\"D\" + order.ExternalId) != \"\"", "999999999")]
    [InlineData("order.Total.ToString(order.ExternalId) != \"\"", "E999999999")]
    public void EvaluatePoints_RefusesTheFormat_WhenItIsNotAConstantAndAsksForTooMuch(string expression, string externalId)
    {
        var order = Sample.Order(10m) with { ExternalId = externalId };
        var host = TestHost.Create();

        var failure = Should.Throw<RuleEvaluationException>(() => host.Evaluator.EvaluatePoints(
            TestHost.Source(RuleSetKind.Points, Workflow(Points("Format", expression, "1"))), "order.paid", Sample.Inputs(order: order)));

        failure.Failure.ShouldBe(RuleEvaluationFailure.RuleError);
        failure.Reason.ShouldContain("formats may ask for at most 30");
    }
}
