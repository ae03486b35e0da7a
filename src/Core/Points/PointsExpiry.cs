using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// Expires what is left of every lot whose <see cref="PointsEntry.ExpiresAt"/> has passed, for the current brand:
/// one Expire entry per lot (leg <c>expire</c>, unique), in batches, so running it twice or on two nodes expires each lot
/// once; a used-up lot is closed with an empty entry so it is never looked at again. One <c>points.expired</c> event
/// per member and batch.
/// </summary>
public sealed class PointsExpiry(AppDbContext db, IEventPublisher events, ITenantContext tenant, TimeProvider time)
{
    public const string Actor = "job:points-expiry";

    public async Task<int> RunAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var written = 0;
        (DateTimeOffset At, string Id)? after = null;
        while (true)
        {
            // Keyset by (ExpiresAt, Id): the lots a batch closed still match Due's date filter, and skipping them by the
            // anti-join alone would rescan every earlier batch's lots, quadratic over a night that expires millions.
            var due = Due(cutoff);
            if (after is { } last) due = due.Where(e => e.ExpiresAt > last.At || (e.ExpiresAt == last.At && string.Compare(e.Id, last.Id) > 0));
            var batch = await due.OrderBy(e => e.ExpiresAt).ThenBy(e => e.Id)
                .Select(e => new { e.Id, e.MemberId, e.ExpiresAt }).Take(PointsBatch.Size).ToListAsync(ct);
            if (batch.Count == 0) return written;
            written += await ExpireAsync(cutoff, batch.Select(d => d.Id).ToList(), batch.Select(d => d.MemberId).ToList(), ct);
            after = (batch[^1].ExpiresAt!.Value, batch[^1].Id);
        }
    }

    private IQueryable<PointsEntry> Due(DateTimeOffset cutoff) =>
        db.PointsEntries.Where(e => e.LotId == null && e.ExpiresAt != null && e.ExpiresAt <= cutoff
            && !db.PointsEntries.Any(x => x.LotId == e.Id && x.Kind == PointsEntryKind.Expire));

    private async Task<int> ExpireAsync(DateTimeOffset cutoff, List<string> lotIds, List<string> memberIds, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PointsBatch.LockMembersAsync(db, memberIds, ct);
        var open = await Due(cutoff).Where(e => lotIds.Contains(e.Id)).Select(e => new { e.Id, e.MemberId }).ToListAsync(ct);
        var remainders = await PointsLots.RemainderOfAsync(db, open.Select(o => o.Id).ToList(), ct);
        var now = time.GetUtcNow();
        var entries = open.Select(lot =>
        {
            var (available, pending) = remainders.GetValueOrDefault(lot.Id);
            return new PointsEntry
            {
                MemberId = lot.MemberId, Kind = PointsEntryKind.Expire, AvailableDelta = -Math.Max(0, available), PendingDelta = -Math.Max(0, pending),
                Source = PointsSource.Job, SourceId = lot.Id, Leg = "expire", LotId = lot.Id, AvailableAt = now, Actor = Actor, CreatedAt = now,
            };
        }).ToList();
        var sequences = await PointsBatch.ApplyAsync(db, entries, withEvent: true, ct);
        foreach (var (memberId, sequence) in sequences)
        {
            var mine = entries.Where(e => e.MemberId == memberId && (e.AvailableDelta != 0 || e.PendingDelta != 0)).ToList();
            events.Publish(new PointsExpired(memberId, -mine.Sum(e => e.AvailableDelta + e.PendingDelta), cutoff, mine.Select(e => e.Id).ToList())
            {
                TenantId = tenant.TenantId!, OccurredAt = now, AggregateId = memberId, Sequence = sequence,
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return entries.Count;
    }
}
