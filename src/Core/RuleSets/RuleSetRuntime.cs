using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// Evaluates the current tenant's active rule sets: what event handlers (points, commission, tiers) call.
/// Each result carries the version and the rules that fired; <see cref="RuleEvaluationRecord"/> keeps that
/// with a ledger entry. Null when the tenant has no active version of the kind.
/// </summary>
public interface IRuleSetRuntime
{
    Task<PointsEvaluation?> EvaluatePointsAsync(string eventName, RuleInputs inputs, CancellationToken ct = default);

    Task<CommissionEvaluation?> EvaluateCommissionAsync(RuleInputs inputs, CancellationToken ct = default);

    Task<TierEvaluation?> EvaluateTierAsync(RuleInputs inputs, CancellationToken ct = default);
}

internal sealed class RuleSetRuntime(ActiveRuleSets active, IRuleEvaluator evaluator) : IRuleSetRuntime
{
    public async Task<PointsEvaluation?> EvaluatePointsAsync(string eventName, RuleInputs inputs, CancellationToken ct = default) =>
        await active.GetActiveAsync(RuleSetKind.Points, ct) is { } source ? evaluator.EvaluatePoints(source, eventName, inputs) : null;

    public async Task<CommissionEvaluation?> EvaluateCommissionAsync(RuleInputs inputs, CancellationToken ct = default) =>
        await active.GetActiveAsync(RuleSetKind.Commission, ct) is { } source ? evaluator.EvaluateCommission(source, inputs) : null;

    public async Task<TierEvaluation?> EvaluateTierAsync(RuleInputs inputs, CancellationToken ct = default) =>
        await active.GetActiveAsync(RuleSetKind.Tiers, ct) is { } source ? evaluator.EvaluateTier(source, inputs) : null;
}
