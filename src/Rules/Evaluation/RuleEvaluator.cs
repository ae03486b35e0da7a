using CommunitySaaS.Rules.Caching;
using CommunitySaaS.Rules.Sandbox;

namespace CommunitySaaS.Rules.Evaluation;

/// <summary>Looks the version up in the cache and runs the calculator for its kind within one evaluation's budget.</summary>
internal sealed class RuleEvaluator(RuleSetCache cache, RulesOptions options, TimeProvider time) : IRuleEvaluator
{
    public PointsEvaluation EvaluatePoints(RuleSetSource ruleSet, string eventName, RuleInputs inputs)
    {
        Expect(ruleSet, RuleSetKind.Points);
        var compiled = cache.Get(ruleSet);
        var budget = EvaluationBudget.Begin(options.Limits, time);
        try
        {
            return PointsCalculator.Evaluate(compiled, ruleSet.Ref, eventName, inputs, budget);
        }
        finally
        {
            budget.End();
        }
    }

    public CommissionEvaluation EvaluateCommission(RuleSetSource ruleSet, RuleInputs inputs)
    {
        Expect(ruleSet, RuleSetKind.Commission);
        var compiled = cache.Get(ruleSet);
        var budget = EvaluationBudget.Begin(options.Limits, time);
        try
        {
            return CommissionCalculator.Evaluate(compiled, ruleSet.Ref, inputs, budget);
        }
        finally
        {
            budget.End();
        }
    }

    public TierEvaluation EvaluateTier(RuleSetSource ruleSet, RuleInputs inputs)
    {
        Expect(ruleSet, RuleSetKind.Tiers);
        var compiled = cache.Get(ruleSet);
        var budget = EvaluationBudget.Begin(options.Limits, time);
        try
        {
            return TierCalculator.Evaluate(compiled, ruleSet.Ref, inputs, budget);
        }
        finally
        {
            budget.End();
        }
    }

    private static void Expect(RuleSetSource ruleSet, RuleSetKind kind)
    {
        if (ruleSet.Ref.Kind != kind)
        {
            throw new ArgumentException($"Expected a {kind} rule set, got {ruleSet.Ref.Kind}.", nameof(ruleSet));
        }
    }
}
