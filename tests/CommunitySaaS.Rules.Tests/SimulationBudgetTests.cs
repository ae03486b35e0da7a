using System.Diagnostics;
using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

/// <summary>One simulation request has one budget over all its cases and both versions, and stops when its client leaves.</summary>
public sealed class SimulationBudgetTests
{
    // About 10,000 steps per rule on a 100-line case: 200 rules x 100 cases is far past the request's 20 million.
    private const string Expensive = "order.Lines.Count(a => order.Lines.Any(b => b.Sku == a.Sku && b.Amount < 0)) == 0";

    private static string Rules(int count, string expression) =>
        Workflow([.. Enumerable.Range(0, count).Select(i => Points($"Rule{i:D3}", expression, "1"))]);

    private static SimulationCase[] MaximumCases() =>
    [
        .. Enumerable.Range(0, 100).Select(i => new SimulationCase(
            $"case-{i}",
            Sample.Inputs(order: Sample.Order(100m, [.. Enumerable.Range(0, 100).Select(l => Sample.Line($"SKU-{i}-{l}", 1m))])),
            "order.paid")),
    ];

    [Fact]
    public void Simulate_StopsNamingTheRule_WhenTheRequestUsesUpItsSteps()
    {
        var simulator = TestHost.Create().Simulator;
        var clock = Stopwatch.StartNew();

        var report = simulator.Simulate(RuleSetKind.Points, null, Rules(200, Expensive), MaximumCases(), []);

        clock.Stop();
        var stop = report.Stopped.ShouldNotBeNull();
        stop.RuleName.ShouldStartWith("Rule");
        stop.RulePath.ShouldStartWith("$.Rules[");
        stop.Version.ShouldBe("draft");
        stop.CaseName.ShouldStartWith("case-");
        stop.Message.ShouldContain("20,000,000 steps");
        report.Cases.Count.ShouldBeLessThan(100);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(new RuleLimits().MaxSimulationMilliseconds + 5_000));
    }

    [Fact]
    public void Simulate_StopsNamingTheRule_WhenTheRequestRunsPastItsTime()
    {
        var simulator = TestHost.Create(options => options.Limits = new RuleLimits(MaxSimulationSteps: long.MaxValue, MaxSimulationMilliseconds: 50)).Simulator;

        var report = simulator.Simulate(RuleSetKind.Points, null, Rules(200, Expensive), MaximumCases(), []);

        report.Stopped.ShouldNotBeNull().Message.ShouldContain("longer than 50 ms");
    }

    [Fact]
    public void Simulate_StopsAtOnce_WhenTheRequestIsCancelled()
    {
        var simulator = TestHost.Create(options => options.Limits = new RuleLimits(MaxSimulationSteps: long.MaxValue, MaxSimulationMilliseconds: 600_000)).Simulator;
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        Should.Throw<OperationCanceledException>(() =>
            simulator.Simulate(RuleSetKind.Points, Rules(200, Expensive), Rules(200, Expensive), MaximumCases(), [], cancellation.Token));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Simulate_FinishesEveryCase_WhenTheMaximumRequestIsWithinItsStepBudget()
    {
        // Default steps; time limits have their own tests, and the machine running tests is shared and slow.
        var simulator = TestHost.Create(options => options.Limits = new RuleLimits(MaxEvaluationMilliseconds: 30_000, MaxSimulationMilliseconds: 120_000)).Simulator;
        var cheap = "order.Lines.Any(l => l.Amount > 0.5)";

        var report = simulator.Simulate(RuleSetKind.Points, Rules(200, cheap), Rules(200, cheap), MaximumCases(), []);

        report.Stopped.ShouldBeNull();
        report.Cases.Count.ShouldBe(100);
        report.Cases.ShouldAllBe(result => result.Draft.Points == 200 && result.Active!.Points == 200);
    }

    [Fact]
    public void Simulate_ShowsTheFailureOnItsCase_WhenADraftRuleOverflows()
    {
        var simulator = TestHost.Create().Simulator;
        var draft = Workflow(Points("Base", "true", "order.Total"), Points("Boost", "order.Total > 50", "100000000000000000", multiplier: true));
        SimulationCase[] cases = [new("small", Sample.Inputs(order: Sample.Order(10m)), "order.paid"), new("large", Sample.Inputs(order: Sample.Order(100m)), "order.paid")];

        var report = simulator.Simulate(RuleSetKind.Points, Workflow(Points("Base", "true", "order.Total")), draft, cases, []);

        report.Stopped.ShouldBeNull();
        report.Cases[0].Draft.Error.ShouldBeNull();
        report.Cases[0].Draft.Points.ShouldBe(10);
        var error = report.Cases[1].Draft.Error.ShouldNotBeNull();
        error.RuleName.ShouldBe("Boost");
        error.Failure.ShouldBe(RuleEvaluationFailure.Overflow);
        report.Cases[1].Active!.Points.ShouldBe(100);
    }
}
