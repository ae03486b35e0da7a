using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CommunitySaaS.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Bench.Rules;

/// <summary>
/// One evaluation of a 10-rule points and a 10-rule commission rule set by (a) this library's evaluator,
/// warm as on the hot path, (b) plain RulesEngine, (c) hand-written C#.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EvaluationBenchmarks
{
    private IRuleEvaluator _evaluator = null!;
    private RuleSetSource _points = null!;
    private RuleSetSource _commission = null!;
    private PlainRulesEngine _plainPoints = null!;
    private PlainRulesEngine _plainCommission = null!;

    [GlobalSetup]
    public void Setup()
    {
        var provider = new ServiceCollection().AddRules().BuildServiceProvider();
        _evaluator = provider.GetRequiredService<IRuleEvaluator>();
        _points = new RuleSetSource(new RuleSetRef(Guid.NewGuid(), RuleSetKind.Points, 1), BenchRuleSets.Points(), []);
        _commission = new RuleSetSource(new RuleSetRef(Guid.NewGuid(), RuleSetKind.Commission, 1), BenchRuleSets.Commission(), []);
        _plainPoints = new PlainRulesEngine(BenchRuleSets.Points(), BenchRuleSets.Inputs);
        _plainCommission = new PlainRulesEngine(BenchRuleSets.Commission(), BenchRuleSets.Inputs);
        SameAnswers();
    }

    [Benchmark(Description = "(a) library"), BenchmarkCategory("Points")]
    public long Points_Library() => _evaluator.EvaluatePoints(_points, "order.paid", BenchRuleSets.Inputs).TotalPoints;

    [Benchmark(Baseline = true, Description = "(b) plain RulesEngine"), BenchmarkCategory("Points")]
    public ValueTask<long> Points_RulesEngine() => _plainPoints.PointsAsync();

    [Benchmark(Description = "(c) hand-written C#"), BenchmarkCategory("Points")]
    public long Points_HandWritten() => HandWritten.Points(BenchRuleSets.Inputs);

    [Benchmark(Description = "(a) library"), BenchmarkCategory("Commission")]
    public decimal Commission_Library()
    {
        var levels = _evaluator.EvaluateCommission(_commission, BenchRuleSets.Inputs).Levels;
        var total = 0m;
        for (var i = 0; i < levels.Count; i++)
        {
            total += levels[i].Amount;
        }

        return total;
    }

    [Benchmark(Baseline = true, Description = "(b) plain RulesEngine"), BenchmarkCategory("Commission")]
    public ValueTask<decimal> Commission_RulesEngine() => _plainCommission.CommissionAsync(BenchRuleSets.Order.Total);

    [Benchmark(Description = "(c) hand-written C#"), BenchmarkCategory("Commission")]
    public decimal Commission_HandWritten() => HandWritten.Commission(BenchRuleSets.Inputs);

    // The three paths must agree, or the comparison means nothing.
    private void SameAnswers()
    {
        var points = (Points_Library(), Points_RulesEngine().AsTask().GetAwaiter().GetResult(), Points_HandWritten());
        var commission = (Commission_Library(), Commission_RulesEngine().AsTask().GetAwaiter().GetResult(), Commission_HandWritten());
        if (points.Item1 != points.Item2 || points.Item1 != points.Item3 || commission.Item1 != commission.Item2 || commission.Item1 != commission.Item3)
        {
            throw new InvalidOperationException($"The paths disagree: points {points}, commission {commission}.");
        }
    }
}
