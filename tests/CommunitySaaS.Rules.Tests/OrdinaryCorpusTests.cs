using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

/// <summary>The sandbox must not get in the way of the rules brands really write: each is accepted and gives what it means.</summary>
public sealed class OrdinaryCorpusTests
{
    private static readonly TestHost Host = TestHost.Create();

    public static TheoryData<string> Corpus() => [.. OrdinaryRules.All.Select(entry => entry.Name)];

    [Fact]
    public void Corpus_HasAtLeastSixtyRules_OfEveryKind()
    {
        OrdinaryRules.All.Length.ShouldBeGreaterThanOrEqualTo(60);
        OrdinaryRules.All.Select(entry => entry.Kind).Distinct().Count().ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Evaluate_GivesWhatTheRuleMeans_WhenABrandWritesAnOrdinaryRule(string name)
    {
        var entry = OrdinaryRules.All.Single(candidate => candidate.Name == name);
        // Multipliers need something to multiply: the base rule gives order.Total (250).
        var json = entry.Rule is { } rule && IsMultiplier(entry) ? Workflow(Points("Base", "true", "order.Total"), rule) : Workflow(entry.Rule);

        Host.Validator.Validate(entry.Kind, json, Cases.Plugins).Errors.ShouldBeEmpty();
        var source = TestHost.Source(entry.Kind, json, Cases.Plugins);
        var inputs = Cases.Typical(entry.Activity);
        switch (entry.Kind)
        {
            case RuleSetKind.Points:
                var points = Host.Evaluator.EvaluatePoints(source, entry.Event!, inputs);
                points.Failures.ShouldBeEmpty();
                points.TotalPoints.ShouldBe((long)entry.Expected!);
                break;
            case RuleSetKind.Tiers:
                var tier = Host.Evaluator.EvaluateTier(source, inputs);
                tier.Failures.ShouldBeEmpty();
                tier.Tier.ShouldBe((string?)entry.Expected);
                break;
            default:
                var commission = Host.Evaluator.EvaluateCommission(source, inputs);
                commission.Failures.ShouldBeEmpty();
                commission.Levels.ShouldHaveSingleItem().Amount.ShouldBe((decimal)entry.Expected!);
                break;
        }
    }

    [Fact]
    public void Validate_AcceptsTheWholeCorpus_AsOneRuleSetPerKind()
    {
        foreach (var kind in new[] { RuleSetKind.Points, RuleSetKind.Tiers, RuleSetKind.Commission })
        {
            var rules = OrdinaryRules.All.Where(entry => entry.Kind == kind).Select(entry => entry.Rule).ToArray();
            Host.Validator.Validate(kind, Workflow(rules), Cases.Plugins).Errors.ShouldBeEmpty();
        }
    }

    private static bool IsMultiplier(OrdinaryRules.Entry entry) =>
        System.Text.Json.JsonSerializer.Serialize(entry.Rule).Contains("\"multiplier\":true", StringComparison.Ordinal);
}
