using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

public sealed class TierEvaluationTests
{
    private static readonly string Json = Workflow(
        Tier("Silver", "stats.Spend12m >= 500", "Silver", 1),
        Tier("Gold", "stats.Spend12m >= 2000 || stats.Orders12m >= 20", "Gold", 2),
        Tier("Black", "stats.Spend12m >= 10000", "Black", 3));

    private readonly IRuleEvaluator _evaluator = TestHost.Create().Evaluator;

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(500, 0, "Silver")]
    [InlineData(2500, 0, "Gold")]
    [InlineData(100, 25, "Gold")]
    [InlineData(20000, 0, "Black")]
    public void EvaluateTier_GivesTheHighestMatchingTier_WhenStatsQualify(int spend, int orders, string? expected)
    {
        var result = _evaluator.EvaluateTier(TestHost.Source(RuleSetKind.Tiers, Json), Sample.Inputs(stats: Sample.Stats(spend, orders12m: orders)));

        result.Tier.ShouldBe(expected);
        result.Rule?.RuleName.ShouldBe(expected);
    }
}
