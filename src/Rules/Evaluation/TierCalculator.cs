using CommunitySaaS.Rules.Compilation;
using CommunitySaaS.Rules.Sandbox;

namespace CommunitySaaS.Rules.Evaluation;

/// <summary>The member's tier: the first matching rule from the highest priority down.</summary>
internal static class TierCalculator
{
    public static TierEvaluation Evaluate(CompiledRuleSet ruleSet, RuleSetRef reference, RuleInputs inputs, EvaluationBudget budget)
    {
        List<RuleFailure>? failures = null;
        foreach (var rule in ruleSet.Tiers)
        {
            if (RuleRunner.Matches(rule, inputs, budget, ref failures))
            {
                return new TierEvaluation(
                    reference, rule.Properties.Tier, new FiredRule(rule.Name, rule.Priority, RuleOutputKind.Tier, 0), (IReadOnlyList<RuleFailure>?)failures ?? []);
            }
        }

        return new TierEvaluation(reference, null, null, (IReadOnlyList<RuleFailure>?)failures ?? []);
    }
}
