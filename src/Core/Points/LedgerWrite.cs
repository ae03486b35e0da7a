using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Core.Points;

/// <summary>What a ledger write decided once it held the member's lock: the entries and the events to publish with them.</summary>
/// <param name="Events">Each is given the member's next event sequence number, in order.</param>
internal sealed record LedgerPlan(IReadOnlyList<PointsEntry> Entries, IReadOnlyList<Func<long, DomainEvent>> Events)
{
    public static readonly LedgerPlan Nothing = new([], []);

    public static LedgerPlan Of(IReadOnlyList<PointsEntry> entries, params Func<long, DomainEvent>[] events) => new(entries, events);
}

/// <summary>
/// The outcome of <see cref="PointsLedger.WriteAsync"/>. <see cref="Locked"/> is false when a spend's condition (enough
/// available points) refused the lock; then nothing was planned and <see cref="Before"/> is what refused it.
/// </summary>
internal sealed record LedgerWrite(bool Locked, PointsAccount? Before, IReadOnlyList<PointsEntry> Entries, PointsBalance After);
