namespace CommunitySaaS.Core.Tiers;

/// <summary>A tier by code with its rank; <see cref="None"/> (rank 0) is "no tier".</summary>
public sealed record RankedTier(string? Code, int Rank)
{
    public static readonly RankedTier None = new(null, 0);
}

/// <summary>The earned part of a member's state that a decision reads and writes.</summary>
public sealed record EarnedState(string? Code, DateTimeOffset? Since, DateTimeOffset? ReevaluateAt, DateTimeOffset? GraceUntil);

/// <summary>What to write: the new state, and the history reason when it is a change worth recording (null: state only).</summary>
public sealed record TierOutcome(EarnedState State, TierChangeReason? Reason);

/// <summary>
/// The tier rules of time, apart from the rules of qualification: an upgrade applies at once; a member who qualifies
/// for less keeps their tier until their re-evaluation date, then for the grace period, and only then moves down to
/// what they qualify for; qualifying again during grace keeps the tier. Event-driven evaluations (an order, points)
/// never move anyone down: only the nightly run may (<paramref name="mayDowngrade"/>), so a refund can lower the next
/// evaluation but never demotes at once.
/// </summary>
public static class TierDecision
{
    /// <returns>Null when nothing changes.</returns>
    public static TierOutcome? Decide(
        EarnedState current, int currentRank, RankedTier qualified, TierPolicy policy, DateTimeOffset asOf, bool mayDowngrade)
    {
        var next = asOf.AddMonths(policy.ReevaluationMonths);
        if (qualified.Rank > currentRank)
        {
            return new TierOutcome(new EarnedState(qualified.Code, asOf, next, null), TierChangeReason.Upgrade);
        }

        if (current.Code is null) return null;
        if (qualified.Rank == currentRank)
        {
            if (current.GraceUntil is not null) return new TierOutcome(current with { ReevaluateAt = next, GraceUntil = null }, TierChangeReason.Requalified);
            // Still qualifies at the re-evaluation date: held for another period, nothing to record.
            return mayDowngrade && current.ReevaluateAt <= asOf ? new TierOutcome(current with { ReevaluateAt = next }, null) : null;
        }

        if (!mayDowngrade || current.ReevaluateAt is not { } due || due > asOf) return null;
        var graceEnds = current.GraceUntil ?? due.AddDays(policy.GraceDays);
        if (graceEnds > asOf)
        {
            return current.GraceUntil is null ? new TierOutcome(current with { GraceUntil = graceEnds }, TierChangeReason.GraceStarted) : null;
        }

        var lowered = qualified.Code is null
            ? new EarnedState(null, null, null, null)
            : new EarnedState(qualified.Code, asOf, next, null);
        return new TierOutcome(lowered, TierChangeReason.Downgrade);
    }
}
