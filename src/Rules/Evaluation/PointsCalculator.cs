using CommunitySaaS.Rules.Compilation;
using CommunitySaaS.Rules.Sandbox;

namespace CommunitySaaS.Rules.Evaluation;

/// <summary>
/// Points for one event: additive rules from the highest priority down, each matching rule adding its
/// output rounded down; a matching <c>exclusive</c> rule stops the lower priorities; then the matching
/// multipliers, walked the same way, multiply the sum. A rule with a <c>tier</c> property only applies
/// to members of that tier. A sum or product beyond <see cref="long.MaxValue"/> points fails the evaluation
/// (<see cref="RuleEvaluationException"/>) rather than being capped: such points would be a mistake, never a reward.
/// </summary>
internal static class PointsCalculator
{
    public static PointsEvaluation Evaluate(CompiledRuleSet ruleSet, RuleSetRef reference, string eventName, RuleInputs inputs, EvaluationBudget budget)
    {
        if (!ruleSet.PointsByEvent.TryGetValue(eventName, out var rules))
        {
            return new PointsEvaluation(reference, eventName, 0, 1m, 0, [], []);
        }

        List<FiredRule>? fired = null;
        List<RuleFailure>? failures = null;
        var capacity = rules.Additive.Length + rules.Multipliers.Length;
        var (sum, _) = Walk(rules.Additive, capacity, inputs, budget, RuleOutputKind.Points, 0m, ref fired, ref failures);
        var (total, multiplier) = Walk(rules.Multipliers, capacity, inputs, budget, RuleOutputKind.Multiplier, sum, ref fired, ref failures);
        var basePoints = (long)decimal.Floor(sum);
        return new PointsEvaluation(
            reference, eventName, basePoints, multiplier, Math.Max(0, (long)decimal.Floor(total)), (IReadOnlyList<FiredRule>?)fired ?? [], (IReadOnlyList<RuleFailure>?)failures ?? []);
    }

    /// <summary>The points after these rules (<paramref name="points"/> plus additive outputs, or times the multipliers) and the product of the multipliers.</summary>
    private static (decimal Points, decimal Multiplier) Walk(
        CompiledRule[] rules, int capacity, RuleInputs inputs, EvaluationBudget budget, RuleOutputKind kind, decimal points,
        ref List<FiredRule>? fired, ref List<RuleFailure>? failures)
    {
        var multiplier = 1m;
        int? stopBelow = null;
        foreach (var rule in rules)
        {
            if (rule.Priority < stopBelow)
            {
                break;
            }

            if ((rule.Properties.Tier is { } tier && !string.Equals(inputs.Member?.Tier, tier, StringComparison.OrdinalIgnoreCase))
                || !RuleRunner.Matches(rule, inputs, budget, ref failures)
                || !RuleRunner.TryOutput(rule, inputs, budget, ref failures, out var output)
                || !Accept(rule, kind, output, ref failures, out var value))
            {
                continue;
            }

            (points, multiplier) = Apply(rule, kind, points, multiplier, value);
            // Sized for every rule of the event, so that recording fired rules never regrows the list.
            (fired ??= new List<FiredRule>(capacity)).Add(new FiredRule(rule.Name, rule.Priority, kind, value, rule.Properties.Limit, rule.Properties.DelayDays));
            if (rule.Properties.Exclusive)
            {
                stopBelow = rule.Priority;
            }
        }

        return (points, multiplier);
    }

    private static (decimal Points, decimal Multiplier) Apply(CompiledRule rule, RuleOutputKind kind, decimal points, decimal multiplier, decimal value)
    {
        try
        {
            var after = kind == RuleOutputKind.Points ? points + value : points * value;
            if (!TryWhole(after, out _))
            {
                throw RuleRunner.Overflow(rule, $"The points come to {after:0} after this rule, more than the {long.MaxValue:N0} a ledger can hold.");
            }

            return (after, kind == RuleOutputKind.Multiplier ? multiplier * value : multiplier);
        }
        catch (OverflowException overflow)
        {
            throw RuleRunner.Overflow(rule, "The points go beyond any number a ledger can hold after this rule.", overflow);
        }
    }

    private static bool Accept(CompiledRule rule, RuleOutputKind kind, decimal output, ref List<RuleFailure>? failures, out decimal value)
    {
        value = kind == RuleOutputKind.Points ? decimal.Floor(output) : output;
        if (kind == RuleOutputKind.Points && !TryWhole(value, out _))
        {
            throw RuleRunner.Overflow(rule, $"The output {output} is beyond the {long.MaxValue:N0} points a ledger can hold.");
        }

        var problem = kind == RuleOutputKind.Multiplier && output < 0 ? $"A multiplier cannot be negative (got {output})." : null;
        if (problem is null)
        {
            return true;
        }

        RuleRunner.Fail(rule, problem, ref failures);
        return false;
    }

    private static bool TryWhole(decimal value, out long whole)
    {
        var floor = decimal.Floor(value);
        var fits = floor is >= long.MinValue and <= long.MaxValue;
        whole = fits ? (long)floor : 0;
        return fits;
    }
}
