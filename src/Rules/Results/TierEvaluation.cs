namespace CommunitySaaS.Rules;

/// <summary>The tier a member's statistics earn under one rule set version.</summary>
/// <param name="RuleSet">The rule set version evaluated.</param>
/// <param name="Tier">The highest matching tier, or null when none matched.</param>
/// <param name="Rule">The rule that granted it.</param>
/// <param name="Failures">Rules that could not be evaluated.</param>
public sealed record TierEvaluation(
    RuleSetRef RuleSet,
    string? Tier,
    FiredRule? Rule,
    IReadOnlyList<RuleFailure> Failures);
