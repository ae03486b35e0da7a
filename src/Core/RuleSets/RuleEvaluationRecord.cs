using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// Why an amount is what it is: the rule set version (its <c>rsv_…</c> id and number), the rules that fired with their
/// outputs, the <c>now</c> the rules saw and a SHA-256 of the canonical inputs. Ledger entries keep one, so any point
/// or commission can be explained, and replayed, after later versions are published.
/// </summary>
/// <param name="Failures">The benign failures only (rules that did not apply for a missing input); any other fails the evaluation.</param>
public sealed record RuleEvaluationRecord(
    string VersionId, RuleSetKind Kind, int Version, IReadOnlyList<FiredRuleRecord> FiredRules, IReadOnlyList<RuleFailure> Failures,
    DateTimeOffset Now, string InputsHash)
{
    /// <summary>One commission level's record: the rule that decided that level.</summary>
    public RuleEvaluationRecord ForLevel(int level) => this with { FiredRules = FiredRules.Where(r => r.Level == level).ToList() };

    internal static IReadOnlyList<FiredRuleRecord> Fired(PointsEvaluation result) => result.FiredRules.Select(r => FiredRuleRecord.From(r)).ToList();

    internal static IReadOnlyList<FiredRuleRecord> Fired(CommissionEvaluation result) =>
        result.Levels.Select(l => new FiredRuleRecord(l.RuleName, l.Basis == CommissionBasis.Fixed ? RuleOutputKind.Fixed : RuleOutputKind.Rate, l.Value, l.Level))
            .ToList();

    internal static IReadOnlyList<FiredRuleRecord> Fired(TierEvaluation result) => result.Rule is null ? [] : [FiredRuleRecord.From(result.Rule)];
}

/// <param name="Level">The commission level the rule decided; null for points and tiers.</param>
public sealed record FiredRuleRecord(string RuleName, RuleOutputKind Kind, decimal Output, int? Level = null)
{
    public static FiredRuleRecord From(FiredRule rule, int? level = null) => new(rule.RuleName, rule.Kind, rule.Output, level);
}

/// <summary>An evaluation's result with the record a ledger entry keeps.</summary>
public sealed record RuleSetEvaluation<T>(T Result, RuleEvaluationRecord Record);
