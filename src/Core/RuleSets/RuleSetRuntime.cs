using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// Evaluates the current tenant's rule sets as they stood when an event happened: what event handlers and jobs
/// (points, commission, tiers) call. <paramref name="asOf"/> everywhere is the event's recorded time (the server's,
/// not the storefront's <c>paidAt</c>): the version in force then is used, whatever was published since, and it is
/// also the rules' <c>now</c>, so evaluating the same event again gives the same answer.
/// Fails closed: <see cref="RuleEvaluationFailedException"/> rather than a zero or a clamped amount.
/// </summary>
public interface IRuleSetRuntime
{
    /// <exception cref="RuleEvaluationFailedException">No version was active at <paramref name="asOf"/>, or the evaluation failed.</exception>
    Task<RuleSetEvaluation<PointsEvaluation>> EvaluatePointsAsync(string eventName, RuleFacts facts, DateTimeOffset asOf, CancellationToken ct = default);

    /// <exception cref="RuleEvaluationFailedException">No version was active at <paramref name="asOf"/>, or the evaluation failed.</exception>
    Task<RuleSetEvaluation<CommissionEvaluation>> EvaluateCommissionAsync(RuleFacts facts, DateTimeOffset asOf, CancellationToken ct = default);

    /// <exception cref="RuleEvaluationFailedException">No version was active at <paramref name="asOf"/>, or the evaluation failed.</exception>
    Task<RuleSetEvaluation<TierEvaluation>> EvaluateTierAsync(RuleFacts facts, DateTimeOffset asOf, CancellationToken ct = default);
}

internal sealed class RuleSetRuntime(ActiveRuleSets active, IRuleEvaluator evaluator) : IRuleSetRuntime
{
    public Task<RuleSetEvaluation<PointsEvaluation>> EvaluatePointsAsync(string eventName, RuleFacts facts, DateTimeOffset asOf, CancellationToken ct = default) =>
        EvaluateAsync(RuleSetKind.Points, eventName, facts, asOf,
            (source, inputs) => evaluator.EvaluatePoints(source, eventName, inputs),
            result => result.Failures,
            result => result.BasePoints == long.MaxValue || result.TotalPoints == long.MaxValue
                ? $"the points for '{eventName}' overflow (base {result.BasePoints}, multiplier {result.Multiplier})"
                : null,
            RuleEvaluationRecord.Fired, ct);

    public Task<RuleSetEvaluation<CommissionEvaluation>> EvaluateCommissionAsync(RuleFacts facts, DateTimeOffset asOf, CancellationToken ct = default) =>
        EvaluateAsync(RuleSetKind.Commission, null, facts, asOf,
            evaluator.EvaluateCommission, result => result.Failures, _ => null, RuleEvaluationRecord.Fired, ct);

    public Task<RuleSetEvaluation<TierEvaluation>> EvaluateTierAsync(RuleFacts facts, DateTimeOffset asOf, CancellationToken ct = default) =>
        EvaluateAsync(RuleSetKind.Tiers, null, facts, asOf,
            evaluator.EvaluateTier, result => result.Failures, _ => null, RuleEvaluationRecord.Fired, ct);

    private async Task<RuleSetEvaluation<T>> EvaluateAsync<T>(
        RuleSetKind kind, string? eventName, RuleFacts facts, DateTimeOffset asOf,
        Func<RuleSetSource, RuleInputs, T> evaluate, Func<T, IReadOnlyList<RuleFailure>> failuresOf, Func<T, string?> overflowOf,
        Func<T, IReadOnlyList<FiredRuleRecord>> firedOf, CancellationToken ct)
    {
        var pinned = await active.GetAtAsync(kind, asOf, ct)
            ?? throw new RuleEvaluationFailedException(kind, null, null, $"no version was active at {asOf.UtcDateTime:O}", []);
        var version = pinned.Source.Ref.Version;
        var inputs = RuleInputMapper.ToInputs(facts, asOf);
        T result;
        try
        {
            result = evaluate(pinned.Source, inputs);
        }
        catch (RuleEvaluationException ex)
        {
            throw new RuleEvaluationFailedException(kind, pinned.VersionId, version, $"rule {ex.Failure}", [new RuleFailure(ex.RuleName, ex.Reason)], ex);
        }
        catch (OverflowException ex)
        {
            throw new RuleEvaluationFailedException(kind, pinned.VersionId, version, "an amount overflowed", [], ex);
        }
        catch (RuleSetInvalidException ex)
        {
            var errors = ex.Errors.Select(e => new RuleFailure(e.Rule ?? "(workflow)", e.Message)).ToList();
            throw new RuleEvaluationFailedException(kind, pinned.VersionId, version, "the version no longer compiles", errors, ex);
        }

        // The library throws RuleEvaluationException for everything money cannot live with; what it reports as a
        // RuleFailure is only a rule that reads an input or value this event does not have, which simply does not apply.
        var failures = failuresOf(result);
        if (overflowOf(result) is { } overflow) throw new RuleEvaluationFailedException(kind, pinned.VersionId, version, overflow, []);
        var record = new RuleEvaluationRecord(pinned.VersionId, kind, version, firedOf(result), failures, inputs.Now, CanonicalInputs.Hash(eventName, inputs));
        return new RuleSetEvaluation<T>(result, record);
    }
}
