using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// The daily <c>points.expiring_soon</c> digest of the current brand for its local date D: a member with points left in a
/// lot expiring on the local date D+n, for n one of the policy's <see cref="LoyaltyPolicy.ExpiryNoticeDays"/>, gets one
/// event carrying everything expiring within the longest notice window. Each batch locks its members, skips those already
/// noticed for D, and writes the notice rows with the events in one transaction, so running it again or on two nodes
/// sends nobody a second digest.
/// </summary>
public sealed class PointsExpiryNotifications(AppDbContext db, IEventPublisher events, ITenantContext tenant, LoyaltyPolicies policies, TimeProvider time)
{
    /// <returns>How many members have been noticed for <paramref name="night"/>, by this pass or an earlier one.</returns>
    public async Task<long> RunAsync(DateOnly night, DateTimeOffset cutoff, CancellationToken ct)
    {
        var days = (await policies.GetAsync(ct)).ExpiryNoticeDays;
        if (days.Length > 0)
        {
            var window = NoticeWindow.Of(night, cutoff, days, tenant.Zone);
            foreach (var (from, to) in window.Days) await NotifyDayAsync(window, from, to, ct);
        }
        await PurgeAsync(night, ct);
        return await db.Set<PointsExpiryNotice>().LongCountAsync(n => n.NoticeDate == night, ct);
    }

    /// <summary>
    /// A notice row only keeps its own night from sending a second digest, and a brand's night runs for its current
    /// local date alone, so rows of nights past the retention guard nothing: without this the table grew by every
    /// noticed member, every notice day, for good.
    /// </summary>
    private Task<int> PurgeAsync(DateOnly night, CancellationToken ct) =>
        db.Set<PointsExpiryNotice>().Where(n => n.NoticeDate < night.AddDays(-ExpiryNotices.RetentionDays)).ExecuteDeleteAsync(ct);

    /// <summary>
    /// Keyset over the day's lots by (ExpiresAt, Id), like the expiry, so a batch never rescans the lots before it; each
    /// batch's members are one transaction. A member with lots on several notice days is noticed by the first day's pass.
    /// </summary>
    private async Task NotifyDayAsync(NoticeWindow window, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        (DateTimeOffset At, string Id)? after = null;
        while (true)
        {
            var lots = db.PointsEntries.Where(e => e.LotId == null && e.ExpiresAt >= from && e.ExpiresAt < to && e.ExpiresAt > window.Cutoff
                && !db.Set<PointsExpiryNotice>().Any(n => n.MemberId == e.MemberId && n.NoticeDate == window.Night));
            if (after is { } last) lots = lots.Where(e => e.ExpiresAt > last.At || (e.ExpiresAt == last.At && string.Compare(e.Id, last.Id) > 0));
            var batch = await lots.OrderBy(e => e.ExpiresAt).ThenBy(e => e.Id)
                .Select(e => new { e.Id, e.MemberId, e.ExpiresAt }).Take(PointsBatch.Size).ToListAsync(ct);
            if (batch.Count == 0) return;
            await NotifyAsync(window, batch.Select(l => l.MemberId).Distinct().ToList(), ct);
            after = (batch[^1].ExpiresAt!.Value, batch[^1].Id);
        }
    }

    private async Task NotifyAsync(NoticeWindow window, List<string> memberIds, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Under the members' locks: a concurrent pass has committed its notices, and no spend moves the remainders meanwhile.
        await PointsBatch.LockMembersAsync(db, memberIds, ct);
        var noticed = await db.Set<PointsExpiryNotice>().Where(n => n.NoticeDate == window.Night && memberIds.Contains(n.MemberId))
            .Select(n => n.MemberId).ToListAsync(ct);
        var open = memberIds.Except(noticed).ToList();
        var lots = await db.PointsEntries.AsNoTracking()
            .Where(e => open.Contains(e.MemberId) && e.LotId == null && e.ExpiresAt > window.Cutoff && e.ExpiresAt < window.End)
            .Select(e => new { e.Id, e.MemberId, ExpiresAt = e.ExpiresAt!.Value }).ToListAsync(ct);
        var remainders = await PointsLots.RemainderOfAsync(db, lots.Select(l => l.Id).ToList(), ct);
        var left = lots.Select(l => (l.MemberId, l.ExpiresAt, Points: Left(remainders.GetValueOrDefault(l.Id))))
            .Where(l => l.Points > 0).GroupBy(l => l.MemberId).Where(g => g.Any(l => window.IsNoticeDay(l.ExpiresAt))).ToList();
        if (left.Count > 0)
        {
            var ids = left.Select(g => g.Key).ToList();
            var externalIds = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.ExternalId, ct);
            var now = time.GetUtcNow();
            foreach (var mine in left) Notify(window, mine.Key, externalIds[mine.Key], mine.Select(l => (l.ExpiresAt, l.Points)), now);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private void Notify(NoticeWindow window, string memberId, string externalId, IEnumerable<(DateTimeOffset ExpiresAt, long Points)> lots, DateTimeOffset now)
    {
        var breakdown = lots.GroupBy(l => l.ExpiresAt).OrderBy(g => g.Key).Select(g => new ExpiringPoints(g.Sum(l => l.Points), g.Key)).ToList();
        var digest = new PointsExpiringSoon(memberId, externalId, window.Night, window.WithinDays, breakdown.Sum(b => b.Points), breakdown[0].ExpiresAt, breakdown)
        {
            TenantId = tenant.TenantId!, OccurredAt = now,
        };
        events.Publish(digest);
        db.Add(new PointsExpiryNotice
        {
            MemberId = memberId, NoticeDate = window.Night, Points = digest.Points, FirstExpiresAt = digest.FirstExpiresAt, EventId = digest.EventId, CreatedAt = now,
        });
    }

    private static long Left((long Available, long Pending) r) => Math.Max(0, r.Available) + Math.Max(0, r.Pending);

    /// <summary>
    /// The notice days D+n as UTC ranges [first instant, next day's first instant) in the brand's zone, and the digest's
    /// window: from the night's cutoff (what is due by then was expired by the night) to the end of D+(longest n).
    /// </summary>
    private sealed record NoticeWindow(DateOnly Night, DateTimeOffset Cutoff, DateTimeOffset End, int WithinDays, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Days)
    {
        public static NoticeWindow Of(DateOnly night, DateTimeOffset cutoff, IReadOnlyCollection<int> days, TimeZoneInfo zone)
        {
            var longest = days.Max();
            return new(night, cutoff, PointsExpiryDates.StartOf(night.AddDays(longest + 1), zone), longest,
                [.. days.OrderDescending().Select(n => (PointsExpiryDates.StartOf(night.AddDays(n), zone), PointsExpiryDates.StartOf(night.AddDays(n + 1), zone)))]);
        }

        public bool IsNoticeDay(DateTimeOffset expiresAt) => Days.Any(d => expiresAt >= d.From && expiresAt < d.To);
    }
}
