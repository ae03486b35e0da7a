using CommunitySaaS.Rules.Compilation;
using CommunitySaaS.Rules.Sandbox;

namespace CommunitySaaS.Rules.Evaluation;

/// <summary>
/// Commission per level: level 1 earns for the bound KOS, level 2 for its upline. For each level with a
/// KOS, the highest-priority matching rule gives a rate of the order total or a fixed amount, lowered
/// to the rule's <c>cap</c> when it has one.
/// </summary>
internal static class CommissionCalculator
{
    public static CommissionEvaluation Evaluate(CompiledRuleSet ruleSet, RuleSetRef reference, RuleInputs inputs, EvaluationBudget budget)
    {
        var order = inputs.Order ?? throw new ArgumentException("Commission is evaluated for an order; RuleInputs.Order is missing.", nameof(inputs));
        List<RuleFailure>? failures = null;
        var level1 = inputs.Kos is null ? null : Level(1, ruleSet.Level1, order, inputs, budget, ref failures);
        var level2 = inputs.Upline is null ? null : Level(2, ruleSet.Level2, order, inputs, budget, ref failures);
        IReadOnlyList<CommissionLevelResult> levels = (level1, level2) switch
        {
            (null, null) => [],
            ({ } one, null) => [one],
            (null, { } two) => [two],
            ({ } one, { } two) => [one, two],
        };
        return new CommissionEvaluation(reference, levels, (IReadOnlyList<RuleFailure>?)failures ?? []);
    }

    private static CommissionLevelResult? Level(
        int level, CompiledRule[] rules, OrderInput order, RuleInputs inputs, EvaluationBudget budget, ref List<RuleFailure>? failures)
    {
        foreach (var rule in rules)
        {
            if (!RuleRunner.Matches(rule, inputs, budget, ref failures) || !RuleRunner.TryOutput(rule, inputs, budget, ref failures, out var value))
            {
                continue;
            }

            var basis = rule.Properties.Basis;
            if (value < 0 || (basis == CommissionBasis.Rate && value > 1))
            {
                RuleRunner.Fail(rule, basis == CommissionBasis.Rate
                    ? $"A rate is between 0 and 1 (0.10 = 10%); the rule gave {value}."
                    : $"A fixed commission cannot be negative; the rule gave {value}.", ref failures);
                continue;
            }

            var amount = decimal.Round(basis == CommissionBasis.Rate ? order.Total * value : value, 4, MidpointRounding.AwayFromZero);
            var capped = rule.Properties.Cap is { } cap && amount > cap;
            return new CommissionLevelResult(level, rule.Name, basis, value, capped ? rule.Properties.Cap!.Value : amount, capped);
        }

        return null;
    }
}
