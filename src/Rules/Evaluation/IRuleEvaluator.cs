namespace CommunitySaaS.Rules;

/// <summary>
/// Evaluates published rule set versions. Each version is compiled once and cached; evaluation then
/// runs the compiled rules directly and returns which rules fired with what output.
/// </summary>
/// <remarks>
/// Two kinds of trouble, kept apart. A rule that reads an input or value the event does not have does not match;
/// it is listed in the result's <c>Failures</c> (<see cref="RuleFailure"/>) and the result stands. A rule that
/// overflows, uses up its budget (<see cref="RuleLimits"/>: steps, time, memory) or otherwise throws makes the
/// whole evaluation fail with <see cref="RuleEvaluationException"/>: there is no result, and the caller must not
/// record zero or any partial amount but keep the event for retry or an operator (fail closed).
/// </remarks>
public interface IRuleEvaluator
{
    /// <summary>The points <paramref name="eventName"/> earns (additive rules by priority, <c>exclusive</c>, then multipliers).</summary>
    /// <exception cref="ArgumentException"><paramref name="ruleSet"/> is not a points rule set.</exception>
    /// <exception cref="RuleSetInvalidException">The rule set does not compile.</exception>
    /// <exception cref="RuleEvaluationException">A rule overflowed, used up its budget or threw: there is no result.</exception>
    PointsEvaluation EvaluatePoints(RuleSetSource ruleSet, string eventName, RuleInputs inputs);

    /// <summary>The commission per level for <see cref="RuleInputs.Order"/>: level 1 for <see cref="RuleInputs.Kos"/>, level 2 for <see cref="RuleInputs.Upline"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="ruleSet"/> is not a commission rule set, or there is no order.</exception>
    /// <exception cref="RuleSetInvalidException">The rule set does not compile.</exception>
    /// <exception cref="RuleEvaluationException">A rule overflowed, used up its budget or threw: there is no result.</exception>
    CommissionEvaluation EvaluateCommission(RuleSetSource ruleSet, RuleInputs inputs);

    /// <summary>The highest tier whose rule matches the member's <c>stats</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="ruleSet"/> is not a tiers rule set.</exception>
    /// <exception cref="RuleSetInvalidException">The rule set does not compile.</exception>
    /// <exception cref="RuleEvaluationException">A rule overflowed, used up its budget or threw: there is no result.</exception>
    TierEvaluation EvaluateTier(RuleSetSource ruleSet, RuleInputs inputs);
}
