using CommunitySaaS.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

public sealed partial class PointsLedger
{
    public Task<SpendResult> SpendAsync(PointsSpend spend, CancellationToken ct = default) => DebitAsync(spend, PointsEntryKind.Redeem, null, ct);

    /// <summary>A spend as <paramref name="kind"/> (a redemption, or a negative adjustment), with an optional event about it.</summary>
    internal async Task<SpendResult> DebitAsync(
        PointsSpend spend, PointsEntryKind kind, Func<IReadOnlyList<PointsEntry>, long, DomainEvent>? raise, CancellationToken ct)
    {
        if (spend.Points <= 0) throw new ArgumentOutOfRangeException(nameof(spend), "A spend takes at least one point.");
        List<PointsEntry>? earlier = null;
        var write = await WriteAsync(spend.MemberId, spend.Points, async (_, token) =>
        {
            earlier = await SpentAsync(spend.Source, spend.SourceId, kind, token);
            if (earlier.Count > 0) return LedgerPlan.Nothing;
            var entries = await DrawAsync(spend, kind, token);
            return raise is null ? LedgerPlan.Of(entries) : LedgerPlan.Of(entries, sequence => raise(entries, sequence));
        }, ct);

        if (write.Locked)
        {
            return earlier is { Count: > 0 }
                ? new SpendResult(SpendOutcome.AlreadySpent, earlier, write.After)
                : new SpendResult(SpendOutcome.Spent, write.Entries, write.After);
        }

        // Refused by the lock's condition: a retry of a spend that emptied the balance is still "already spent".
        earlier = await SpentAsync(spend.Source, spend.SourceId, kind, ct);
        if (earlier.Count > 0) return new SpendResult(SpendOutcome.AlreadySpent, earlier, write.After);
        return new SpendResult(write.After.Available < 0 ? SpendOutcome.BalanceNegative : SpendOutcome.InsufficientPoints, [], write.After);
    }

    public async Task<IReadOnlyList<PointsEntry>> ReturnSpendAsync(PointsSource source, string sourceId, string actor, string? reason, CancellationToken ct = default)
    {
        var memberId = await db.PointsEntries.AsNoTracking()
            .Where(e => e.Source == source && e.SourceId == sourceId && e.Kind == PointsEntryKind.Redeem)
            .Select(e => e.MemberId).FirstOrDefaultAsync(ct);
        if (memberId is null) return [];

        List<PointsEntry>? earlier = null;
        var write = await WriteAsync(memberId, null, async (_, token) =>
        {
            var entries = await db.PointsEntries.AsNoTracking()
                .Where(e => e.Source == source && e.SourceId == sourceId)
                .ToListAsync(token);
            earlier = entries.Where(e => e.Kind == PointsEntryKind.CancelRedemption).ToList();
            if (earlier.Count > 0) return LedgerPlan.Nothing;
            var lots = entries.Where(e => e.Kind == PointsEntryKind.Redeem).Select(e => e.LotId).OfType<string>().ToList();
            var expiries = await db.PointsEntries.AsNoTracking().Where(e => lots.Contains(e.Id))
                .ToDictionaryAsync(e => e.Id, e => e.ExpiresAt, token);
            var now = Now;
            // Given back as new lots that keep the drawn lots' expiry: a lot that expired meanwhile expires again at the next run.
            return LedgerPlan.Of(entries.Where(e => e.Kind == PointsEntryKind.Redeem).Select(e => new PointsEntry
            {
                MemberId = memberId, Kind = PointsEntryKind.CancelRedemption, AvailableDelta = -e.AvailableDelta,
                Source = source, SourceId = sourceId, Leg = "return:" + e.Leg, AvailableAt = now,
                ExpiresAt = e.LotId is { } lot ? expiries.GetValueOrDefault(lot) : null,
                Actor = actor, Reason = reason, CreatedAt = now,
            }).ToList());
        }, ct);
        return earlier is { Count: > 0 } ? earlier : write.Entries;
    }

    private Task<List<PointsEntry>> SpentAsync(PointsSource source, string sourceId, PointsEntryKind kind, CancellationToken ct) =>
        db.PointsEntries.AsNoTracking()
            .Where(e => e.Source == source && e.SourceId == sourceId && e.Kind == kind)
            .OrderBy(e => e.Leg).ToListAsync(ct);

    /// <summary>Soonest-expiring first; the lock's condition guaranteed enough, since the lots hold at least the available balance.</summary>
    private async Task<List<PointsEntry>> DrawAsync(PointsSpend spend, PointsEntryKind kind, CancellationToken ct)
    {
        var now = Now;
        var left = spend.Points;
        var entries = new List<PointsEntry>();
        foreach (var lot in await PointsLots.OpenAsync(db, spend.MemberId, ct))
        {
            if (left == 0) break;
            var take = Math.Min(left, lot.Available);
            if (take <= 0) continue;
            left -= take;
            entries.Add(new PointsEntry
            {
                MemberId = spend.MemberId, Kind = kind, AvailableDelta = -take, Source = spend.Source,
                SourceId = spend.SourceId, Leg = "lot:" + lot.LotId, LotId = lot.LotId, AvailableAt = now,
                Actor = spend.Actor, Reason = spend.Reason, CreatedAt = now,
            });
        }
        if (left > 0) throw new InvalidOperationException($"Member {spend.MemberId}'s lots hold less than the available balance ({left} short).");
        return entries;
    }
}
