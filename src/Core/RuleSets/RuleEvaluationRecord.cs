using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// Why an amount is what it is: the rule set version and the rules that fired with their outputs. Ledger
/// entries keep one, so any point or commission can be explained after later versions are published.
/// </summary>
public sealed record RuleEvaluationRecord(RuleSetKind Kind, int Version, IReadOnlyList<FiredRuleRecord> FiredRules, IReadOnlyList<RuleFailure> Failures)
{
    public static RuleEvaluationRecord From(PointsEvaluation result) =>
        new(result.RuleSet.Kind, result.RuleSet.Version, result.FiredRules.Select(FiredRuleRecord.From).ToList(), result.Failures);

    /// <summary>One level's record: the rule that decided the level's commission.</summary>
    public static RuleEvaluationRecord From(CommissionEvaluation result, int level) =>
        new(result.RuleSet.Kind, result.RuleSet.Version,
            result.Level(level) is { } decided
                ? [new FiredRuleRecord(decided.RuleName, decided.Basis == CommissionBasis.Fixed ? RuleOutputKind.Fixed : RuleOutputKind.Rate, decided.Value)]
                : [],
            result.Failures);

    public static RuleEvaluationRecord From(TierEvaluation result) =>
        new(result.RuleSet.Kind, result.RuleSet.Version, result.Rule is null ? [] : [FiredRuleRecord.From(result.Rule)], result.Failures);
}

public sealed record FiredRuleRecord(string RuleName, RuleOutputKind Kind, decimal Output)
{
    public static FiredRuleRecord From(FiredRule rule) => new(rule.RuleName, rule.Kind, rule.Output);
}
