using CommunitySaaS.Rules.Caching;

namespace CommunitySaaS.Rules.Evaluation;

/// <summary>Looks the version up in the cache and runs the calculator for its kind.</summary>
internal sealed class RuleEvaluator(RuleSetCache cache, RulesOptions options) : IRuleEvaluator
{
    public PointsEvaluation EvaluatePoints(RuleSetSource ruleSet, string eventName, RuleInputs inputs)
    {
        Expect(ruleSet, RuleSetKind.Points);
        return PointsCalculator.Evaluate(cache.Get(ruleSet), ruleSet.Ref, eventName, inputs, options.Limits.MaxIterationsPerRule);
    }

    public CommissionEvaluation EvaluateCommission(RuleSetSource ruleSet, RuleInputs inputs)
    {
        Expect(ruleSet, RuleSetKind.Commission);
        return CommissionCalculator.Evaluate(cache.Get(ruleSet), ruleSet.Ref, inputs, options.Limits.MaxIterationsPerRule);
    }

    public TierEvaluation EvaluateTier(RuleSetSource ruleSet, RuleInputs inputs)
    {
        Expect(ruleSet, RuleSetKind.Tiers);
        return TierCalculator.Evaluate(cache.Get(ruleSet), ruleSet.Ref, inputs, options.Limits.MaxIterationsPerRule);
    }

    private static void Expect(RuleSetSource ruleSet, RuleSetKind kind)
    {
        if (ruleSet.Ref.Kind != kind)
        {
            throw new ArgumentException($"Expected a {kind} rule set, got {ruleSet.Ref.Kind}.", nameof(ruleSet));
        }
    }
}
