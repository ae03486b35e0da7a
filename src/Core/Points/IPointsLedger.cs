namespace CommunitySaaS.Core.Points;

/// <summary>A member's points, derived from the ledger (available may be negative under the "go negative" return policy).</summary>
public sealed record PointsBalance(long Available, long Pending, long LifetimeEarned, long LifetimeRedeemed, long Expired);

/// <summary>A debit the caller asks for: a redemption of a reward, named by its own id so a retry writes nothing.</summary>
public sealed record PointsSpend(string MemberId, long Points, PointsSource Source, string SourceId, string Actor, string? Reason = null);

public enum SpendOutcome { Spent, AlreadySpent, InsufficientPoints, BalanceNegative }

/// <summary>The result of a spend: the entries written (one per lot drawn on, soonest-expiring first) and the balance after.</summary>
public sealed record SpendResult(SpendOutcome Outcome, IReadOnlyList<PointsEntry> Entries, PointsBalance Balance);

/// <summary>
/// The only writer of <see cref="PointsEntry"/> rows. Every write runs in the caller's unit of work (handlers: the
/// outbox dispatcher's transaction) and serialises per member, so concurrent spends never overdraw.
/// </summary>
public interface IPointsLedger
{
    Task<PointsBalance> GetBalanceAsync(string memberId, CancellationToken ct = default);

    /// <summary>Takes <see cref="PointsSpend.Points"/> from the available balance, soonest-expiring lots first; never below zero.</summary>
    Task<SpendResult> SpendAsync(PointsSpend spend, CancellationToken ct = default);

    /// <summary>Gives back what the spend named (<paramref name="source"/>, <paramref name="sourceId"/>) took, once (a cancelled redemption).</summary>
    Task<IReadOnlyList<PointsEntry>> ReturnSpendAsync(PointsSource source, string sourceId, string actor, string? reason, CancellationToken ct = default);
}
