using System.Diagnostics;
using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

/// <summary>
/// Every hostile expression is refused when saved or stopped within its budget when evaluated on the largest legal
/// case, and the process's memory stays bounded after each.
/// </summary>
public sealed class HostileCorpusTests
{
    private const long MaxAllocatedPerEvaluation = 64L * 1024 * 1024;
    private const long MaxHeap = 1024L * 1024 * 1024;
    private static readonly TimeSpan MaxElapsed = TimeSpan.FromSeconds(5);
    private static readonly TestHost Host = TestHost.Create();

    public static TheoryData<string> Corpus() => [.. HostileRules.All.Select(entry => entry.Name)];

    [Fact]
    public void Corpus_HasAtLeastAHundredHostileExpressions()
    {
        HostileRules.All.Length.ShouldBeGreaterThanOrEqualTo(100);
        HostileRules.All.Select(entry => entry.Name).Distinct().Count().ShouldBe(HostileRules.All.Length);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Hostile_IsRefusedOrStoppedWithinItsBudget_WhenSavedOrEvaluated(string name)
    {
        var entry = HostileRules.All.Single(candidate => candidate.Name == name);
        var json = Workflow(entry.Rules);

        var validation = Host.Validator.Validate(RuleSetKind.Points, json, Cases.Plugins);

        if (entry.Expected == HostileRules.Outcome.Refused)
        {
            validation.IsValid.ShouldBeFalse($"'{name}' must be refused when saved");
            validation.Errors.ShouldAllBe(error => error.Rule == "Hostile" && error.Path.StartsWith("$.Rules[0]"));
            return;
        }

        validation.Errors.ShouldBeEmpty();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var failure = Should.Throw<RuleEvaluationException>(() =>
            Host.Evaluator.EvaluatePoints(TestHost.Source(RuleSetKind.Points, json, Cases.Plugins), "order.paid", Cases.Largest()));
        clock.Stop();

        failure.Failure.ShouldBe(entry.Expected switch
        {
            HostileRules.Outcome.Budget => RuleEvaluationFailure.BudgetExceeded,
            HostileRules.Outcome.Overflow => RuleEvaluationFailure.Overflow,
            _ => RuleEvaluationFailure.RuleError,
        }, failure.Message);
        clock.Elapsed.ShouldBeLessThan(MaxElapsed);
        (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore).ShouldBeLessThan(MaxAllocatedPerEvaluation);
        GC.GetTotalMemory(forceFullCollection: false).ShouldBeLessThan(MaxHeap);
    }
}
