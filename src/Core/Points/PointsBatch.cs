using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// One short transaction of the nightly release or expiry: lock the batch's members (in id order, so two nodes
/// running the same job queue instead of deadlocking), recompute what is left of each lot under the locks, write the
/// entries and the accounts' new totals together. A lot another node closed meanwhile is skipped.
/// </summary>
internal static class PointsBatch
{
    public const int Size = 500;

    public static async Task LockMembersAsync(AppDbContext db, IReadOnlyCollection<string> memberIds, CancellationToken ct)
    {
        var ids = memberIds.Distinct().Order(StringComparer.Ordinal).ToList();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""SELECT 1 FROM "PointsAccounts" WHERE "MemberId" = ANY({ids.ToArray()}) ORDER BY "MemberId" FOR UPDATE""", ct);
            return;
        }
        // SQLite has one writer at a time; SQL Server takes the update locks in index (member id) order.
        await db.PointsAccounts.Where(a => ids.Contains(a.MemberId)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Sequence, a => a.Sequence), ct);
    }

    /// <summary>Adds the entries and moves each member's cached totals by them, giving each member's event its sequence.</summary>
    public static async Task<Dictionary<string, long>> ApplyAsync(AppDbContext db, IReadOnlyList<PointsEntry> entries, bool withEvent, CancellationToken ct)
    {
        var memberIds = entries.Select(e => e.MemberId).Distinct().ToList();
        var accounts = await db.PointsAccounts.Where(a => memberIds.Contains(a.MemberId)).ToDictionaryAsync(a => a.MemberId, ct);
        var sequences = new Dictionary<string, long>();
        foreach (var group in entries.GroupBy(e => e.MemberId))
        {
            var account = accounts[group.Key];
            var d = PointsTotals.Delta(group);
            account.Available += d.Available;
            account.Pending += d.Pending;
            account.LifetimeEarned += d.LifetimeEarned;
            account.LifetimeRedeemed += d.LifetimeRedeemed;
            account.Expired += d.Expired;
            if (withEvent && group.Any(e => e.AvailableDelta != 0 || e.PendingDelta != 0)) sequences[group.Key] = ++account.Sequence;
        }
        db.PointsEntries.AddRange(entries);
        return sequences;
    }
}
