using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// Takes back a refunded line's points in proportion to what the line earned (the recorded entry, never a new
/// evaluation), up to the line's cumulative refunded share, so a line refunded twice, a replayed refund or refunds
/// delivered out of order never reverse more than the share; the share is floored, so rounding never over-reverses.
/// Where the points were spent the brand's <see cref="ReturnPolicy"/> decides what is waived or owed.
/// </summary>
internal sealed class ReverseOnOrderRefunded(AppDbContext db, PointsLedger ledger, LoyaltyPolicies policies) : IDomainEventHandler<OrderRefunded>
{
    public const string Actor = "event:order.refunded";

    public async Task HandleAsync(OrderRefunded refunded, CancellationToken ct)
    {
        var memberId = await db.PointsEntries.AsNoTracking()
            .Where(e => e.Source == PointsSource.Order && e.SourceId == refunded.OrderId && e.Kind == PointsEntryKind.Earn)
            .Select(e => e.MemberId).FirstOrDefaultAsync(ct);
        if (memberId is null) return;
        var policy = await policies.GetAsync(ct);

        await ledger.WriteAsync(memberId, null, async (account, token) =>
        {
            var earned = await db.PointsEntries.AsNoTracking()
                .Where(e => e.Source == PointsSource.Order && e.SourceId == refunded.OrderId && e.Kind == PointsEntryKind.Earn)
                .ToDictionaryAsync(e => e.Leg, token);
            var earnIds = earned.Values.Select(e => e.Id).ToList();
            var reversed = (await db.PointsEntries.AsNoTracking()
                    .Where(e => e.ReversesId != null && earnIds.Contains(e.ReversesId))
                    .Select(e => new { e.ReversesId, Moved = e.AvailableDelta + e.PendingDelta, e.Waived }).ToListAsync(token))
                .GroupBy(e => e.ReversesId!).ToDictionary(g => g.Key, g => -g.Sum(e => e.Moved) + g.Sum(e => e.Waived));
            var remainders = await PointsLots.RemainderOfAsync(db, earnIds, token);
            var plan = new ReversalPlan(refunded, policy.ReturnPolicy, account.Available, ledger.Now);

            foreach (var line in refunded.Lines.OrderBy(l => l.LineNumber))
            {
                if (!earned.TryGetValue($"line:{line.LineNumber}", out var earn) || line.PaidMinor <= 0) continue;
                var points = earn.PendingDelta + earn.AvailableDelta;
                var share = (long)((Int128)points * Math.Min(line.RefundedMinor, line.PaidMinor) / line.PaidMinor);
                var due = share - reversed.GetValueOrDefault(earn.Id);
                if (due <= 0) continue;
                var (available, pending) = remainders.GetValueOrDefault(earn.Id);
                await plan.ReverseAsync(earn, due, pending, available, () => PointsLots.OpenAsync(db, memberId, token));
            }

            if (plan.Entries.Count == 0) return LedgerPlan.Nothing;
            var total = -plan.Entries.Sum(e => e.AvailableDelta + e.PendingDelta);
            return LedgerPlan.Of(plan.Entries, sequence => new PointsReversed(
                memberId, total, refunded.OrderId, refunded.RefundId, plan.Entries.Select(e => e.Id).ToList())
            {
                TenantId = refunded.TenantId, OccurredAt = ledger.Now, AggregateId = memberId, Sequence = sequence,
            });
        }, ct);
    }
}
