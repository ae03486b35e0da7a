namespace CommunitySaaS.Rules;

/// <summary>
/// Evaluates published rule set versions. Each version is compiled once and cached; evaluation then
/// runs the compiled rules directly and returns which rules fired with what output.
/// </summary>
public interface IRuleEvaluator
{
    /// <summary>The points <paramref name="eventName"/> earns (additive rules by priority, <c>exclusive</c>, then multipliers).</summary>
    /// <exception cref="ArgumentException"><paramref name="ruleSet"/> is not a points rule set.</exception>
    /// <exception cref="RuleSetInvalidException">The rule set does not compile.</exception>
    PointsEvaluation EvaluatePoints(RuleSetSource ruleSet, string eventName, RuleInputs inputs);

    /// <summary>The commission per level for <see cref="RuleInputs.Order"/>: level 1 for <see cref="RuleInputs.Kos"/>, level 2 for <see cref="RuleInputs.Upline"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="ruleSet"/> is not a commission rule set, or there is no order.</exception>
    /// <exception cref="RuleSetInvalidException">The rule set does not compile.</exception>
    CommissionEvaluation EvaluateCommission(RuleSetSource ruleSet, RuleInputs inputs);

    /// <summary>The highest tier whose rule matches the member's <c>stats</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="ruleSet"/> is not a tiers rule set.</exception>
    /// <exception cref="RuleSetInvalidException">The rule set does not compile.</exception>
    TierEvaluation EvaluateTier(RuleSetSource ruleSet, RuleInputs inputs);
}
