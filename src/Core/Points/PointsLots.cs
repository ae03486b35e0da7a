using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>What is left of one credit: its own deltas plus those of every debit and release that names it.</summary>
internal sealed record LotRemainder(string LotId, long Available, long Pending, DateTimeOffset? ExpiresAt, DateTimeOffset AvailableAt, DateTimeOffset CreatedAt);

internal static class PointsLots
{
    /// <summary>The member's lots with something left, soonest-expiring first (never-expiring last), oldest first within.</summary>
    public static async Task<List<LotRemainder>> OpenAsync(AppDbContext db, string memberId, CancellationToken ct)
    {
        var sums = await db.PointsEntries.AsNoTracking()
            .Where(e => e.MemberId == memberId)
            .GroupBy(e => e.LotId ?? e.Id)
            .Select(g => new { LotId = g.Key, Available = g.Sum(e => e.AvailableDelta), Pending = g.Sum(e => e.PendingDelta) })
            .Where(g => g.Available > 0 || g.Pending > 0)
            .ToListAsync(ct);
        if (sums.Count == 0) return [];
        var ids = sums.Select(s => s.LotId).ToList();
        var lots = await db.PointsEntries.AsNoTracking()
            .Where(e => ids.Contains(e.Id) && e.LotId == null)
            .Select(e => new { e.Id, e.ExpiresAt, e.AvailableAt, e.CreatedAt })
            .ToDictionaryAsync(e => e.Id, ct);
        return sums.Where(s => lots.ContainsKey(s.LotId))
            .Select(s => new LotRemainder(s.LotId, s.Available, s.Pending, lots[s.LotId].ExpiresAt, lots[s.LotId].AvailableAt, lots[s.LotId].CreatedAt))
            .OrderBy(l => l.ExpiresAt is null).ThenBy(l => l.ExpiresAt).ThenBy(l => l.CreatedAt).ThenBy(l => l.LotId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>What is left of the given lots (an order's earn entries), whatever their state.</summary>
    public static async Task<Dictionary<string, (long Available, long Pending)>> RemainderOfAsync(AppDbContext db, IReadOnlyCollection<string> lotIds, CancellationToken ct)
    {
        var ids = lotIds.ToList();
        var sums = await db.PointsEntries.AsNoTracking()
            .Where(e => ids.Contains(e.Id) || (e.LotId != null && ids.Contains(e.LotId)))
            .GroupBy(e => e.LotId ?? e.Id)
            .Select(g => new { LotId = g.Key, Available = g.Sum(e => e.AvailableDelta), Pending = g.Sum(e => e.PendingDelta) })
            .ToListAsync(ct);
        return sums.ToDictionary(s => s.LotId, s => (s.Available, s.Pending));
    }
}
