using CommunitySaaS.Rules.Compilation;

namespace CommunitySaaS.Rules.Evaluation;

/// <summary>
/// Points for one event: additive rules from the highest priority down, each matching rule adding its
/// output rounded down; a matching <c>exclusive</c> rule stops the lower priorities; then the matching
/// multipliers, walked the same way, multiply the sum. A rule with a <c>tier</c> property only applies
/// to members of that tier.
/// </summary>
internal static class PointsCalculator
{
    public static PointsEvaluation Evaluate(CompiledRuleSet ruleSet, RuleSetRef reference, string eventName, RuleInputs inputs, int budget)
    {
        if (!ruleSet.PointsByEvent.TryGetValue(eventName, out var rules))
        {
            return new PointsEvaluation(reference, eventName, 0, 1m, 0, [], []);
        }

        List<FiredRule>? fired = null;
        List<RuleFailure>? failures = null;
        var capacity = rules.Additive.Length + rules.Multipliers.Length;
        var sum = Walk(rules.Additive, capacity, inputs, budget, RuleOutputKind.Points, ref fired, ref failures);
        var multiplier = Walk(rules.Multipliers, capacity, inputs, budget, RuleOutputKind.Multiplier, ref fired, ref failures);
        var basePoints = TryWhole(sum, out var whole) ? whole : long.MaxValue;
        var total = TryWhole(sum * multiplier, out var product) ? Math.Max(0, product) : long.MaxValue;
        return new PointsEvaluation(
            reference, eventName, basePoints, multiplier, total, (IReadOnlyList<FiredRule>?)fired ?? [], (IReadOnlyList<RuleFailure>?)failures ?? []);
    }

    private static decimal Walk(
        CompiledRule[] rules, int capacity, RuleInputs inputs, int budget, RuleOutputKind kind, ref List<FiredRule>? fired, ref List<RuleFailure>? failures)
    {
        var result = kind == RuleOutputKind.Points ? 0m : 1m;
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

            result = kind == RuleOutputKind.Points ? result + value : result * value;
            // Sized for every rule of the event, so that recording fired rules never regrows the list.
            (fired ??= new List<FiredRule>(capacity)).Add(new FiredRule(rule.Name, rule.Priority, kind, value));
            if (rule.Properties.Exclusive)
            {
                stopBelow = rule.Priority;
            }
        }

        return result;
    }

    private static bool Accept(CompiledRule rule, RuleOutputKind kind, decimal output, ref List<RuleFailure>? failures, out decimal value)
    {
        value = kind == RuleOutputKind.Points ? decimal.Floor(output) : output;
        var problem = kind == RuleOutputKind.Points
            ? (TryWhole(value, out _) ? null : $"The output {output} is out of range for points.")
            : (output < 0 ? $"A multiplier cannot be negative (got {output})." : null);
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
