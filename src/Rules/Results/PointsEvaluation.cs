namespace CommunitySaaS.Rules;

/// <summary>The points an event earns under one rule set version, with the rules that produced them.</summary>
/// <param name="RuleSet">The rule set version evaluated.</param>
/// <param name="EventName">The event evaluated, e.g. <c>order.paid</c>.</param>
/// <param name="BasePoints">The sum of the additive rules' points.</param>
/// <param name="Multiplier">The product of the matched multipliers (1 when none matched).</param>
/// <param name="TotalPoints"><paramref name="BasePoints"/> times <paramref name="Multiplier"/>, rounded down, never negative.</param>
/// <param name="FiredRules">The additive rules then the multipliers that fired, in evaluation order.</param>
/// <param name="Failures">Rules that could not be evaluated.</param>
public sealed record PointsEvaluation(
    RuleSetRef RuleSet,
    string EventName,
    long BasePoints,
    decimal Multiplier,
    long TotalPoints,
    IReadOnlyList<FiredRule> FiredRules,
    IReadOnlyList<RuleFailure> Failures);
