using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// Makes pending points available once their <see cref="PointsEntry.AvailableAt"/> has passed, for the current brand:
/// one Release entry per lot (leg <c>release</c>, unique), in batches, so running it twice or on two nodes releases
/// each lot once. A lot whose pending points were all reversed is closed with an empty release.
/// </summary>
public sealed class PointsRelease(AppDbContext db, TimeProvider time)
{
    public const string Actor = "job:points-release";

    public async Task<int> RunAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var written = 0;
        (DateTimeOffset At, string Id)? after = null;
        while (true)
        {
            // Keyset by (AvailableAt, Id), so a batch never rescans the lots earlier batches released (see PointsExpiry).
            var due = Due(cutoff);
            if (after is { } last) due = due.Where(e => e.AvailableAt > last.At || (e.AvailableAt == last.At && string.Compare(e.Id, last.Id) > 0));
            var batch = await due.OrderBy(e => e.AvailableAt).ThenBy(e => e.Id)
                .Select(e => new { e.Id, e.MemberId, e.AvailableAt }).Take(PointsBatch.Size).ToListAsync(ct);
            if (batch.Count == 0) return written;
            written += await ReleaseAsync(cutoff, batch.Select(d => d.Id).ToList(), batch.Select(d => d.MemberId).ToList(), ct);
            after = (batch[^1].AvailableAt, batch[^1].Id);
        }
    }

    private IQueryable<PointsEntry> Due(DateTimeOffset cutoff) =>
        db.PointsEntries.Where(e => e.LotId == null && e.PendingDelta > 0 && e.AvailableAt <= cutoff
            && !db.PointsEntries.Any(r => r.LotId == e.Id && r.Kind == PointsEntryKind.Release));

    private async Task<int> ReleaseAsync(DateTimeOffset cutoff, List<string> lotIds, List<string> memberIds, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PointsBatch.LockMembersAsync(db, memberIds, ct);
        var open = await Due(cutoff).Where(e => lotIds.Contains(e.Id)).Select(e => new { e.Id, e.MemberId }).ToListAsync(ct);
        var openIds = open.Select(o => o.Id).ToList();
        var remainders = await PointsLots.RemainderOfAsync(db, openIds, ct);
        var now = time.GetUtcNow();
        var entries = open.Select(lot =>
        {
            var pending = Math.Max(0, remainders.GetValueOrDefault(lot.Id).Pending);
            return new PointsEntry
            {
                MemberId = lot.MemberId, Kind = PointsEntryKind.Release, PendingDelta = -pending, AvailableDelta = pending,
                Source = PointsSource.Job, SourceId = lot.Id, Leg = "release", LotId = lot.Id, AvailableAt = now, Actor = Actor, CreatedAt = now,
            };
        }).ToList();
        await PointsBatch.ApplyAsync(db, entries, withEvent: false, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return entries.Count;
    }
}
