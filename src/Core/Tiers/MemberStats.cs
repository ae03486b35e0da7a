using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Orders;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tiers;

/// <summary>
/// What tier rules qualify a member on, over the 12 months up to <c>asOf</c>, for a batch of members in a few grouped
/// queries. Points are points <b>earned</b> (earn entries net of their reversals), never the spendable balance, so
/// spending or expiry never costs a tier. Spend is the goods paid (shipping excluded) net of what was refunded;
/// orders count the orders not refunded in full. Windows are by the server's recorded time.
/// </summary>
public sealed class MemberStats(AppDbContext db, ITenantContext tenant)
{
    public const int WindowMonths = 12;

    public async Task<IReadOnlyDictionary<string, StatsFacts>> ForAsync(IReadOnlyCollection<string> memberIds, DateTimeOffset asOf, CancellationToken ct)
    {
        var from = asOf.AddMonths(-WindowMonths);
        var currency = tenant.Tenant?.Currency ?? throw new InvalidOperationException("Member statistics need a tenant in context.");
        var ids = memberIds.ToList();

        var orders = await db.Orders.AsNoTracking()
            .Where(o => ids.Contains(o.MemberId) && o.CreatedAt > from && o.CreatedAt <= asOf)
            .GroupBy(o => o.MemberId)
            .Select(g => new
            {
                MemberId = g.Key,
                Spend = g.Sum(o => o.TotalMinor - o.ShippingMinor - (o.RefundedMinor - o.ShippingRefundedMinor)),
                Orders = g.Count(o => o.RefundStatus != RefundStatus.Full),
            })
            .ToDictionaryAsync(x => x.MemberId, ct);

        var entries = db.PointsEntries.AsNoTracking();
        var earned = await entries
            .Where(e => ids.Contains(e.MemberId) && e.Kind == PointsEntryKind.Earn && e.CreatedAt > from && e.CreatedAt <= asOf)
            .GroupBy(e => e.MemberId).Select(g => new { MemberId = g.Key, Points = g.Sum(e => e.AvailableDelta + e.PendingDelta) })
            .ToDictionaryAsync(x => x.MemberId, x => x.Points, ct);
        // A reversal lowers the window its earning is in; one with no lot (a debt) lowers the window it happened in.
        var reversedOfLots = await entries
            .Where(r => ids.Contains(r.MemberId) && r.Kind == PointsEntryKind.Reverse && r.CreatedAt <= asOf)
            .Join(entries.Where(l => l.Kind == PointsEntryKind.Earn && l.CreatedAt > from && l.CreatedAt <= asOf), r => r.LotId, l => l.Id, (r, l) => r)
            .GroupBy(r => r.MemberId).Select(g => new { MemberId = g.Key, Points = g.Sum(e => e.AvailableDelta + e.PendingDelta) })
            .ToDictionaryAsync(x => x.MemberId, x => x.Points, ct);
        var reversedDebts = await entries
            .Where(e => ids.Contains(e.MemberId) && e.Kind == PointsEntryKind.Reverse && e.LotId == null && e.CreatedAt > from && e.CreatedAt <= asOf)
            .GroupBy(e => e.MemberId).Select(g => new { MemberId = g.Key, Points = g.Sum(e => e.AvailableDelta + e.PendingDelta) })
            .ToDictionaryAsync(x => x.MemberId, x => x.Points, ct);

        return ids.Distinct().ToDictionary(id => id, id =>
        {
            var points = earned.GetValueOrDefault(id) + reversedOfLots.GetValueOrDefault(id) + reversedDebts.GetValueOrDefault(id);
            var order = orders.GetValueOrDefault(id);
            return new StatsFacts(Math.Max(0, points), Money.ToDecimal(order?.Spend ?? 0, currency), order?.Orders ?? 0, 0, 0, 0);
        });
    }
}
