using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Core.Points;

/// <summary>The reversal entries of one refund, line by line: pending first, then what the return policy allows.</summary>
internal sealed class ReversalPlan(OrderRefunded refunded, ReturnPolicy policy, long available, DateTimeOffset now)
{
    private long _available = available;
    private List<LotRemainder>? _lots;
    private readonly Dictionary<string, long> _drawn = [];

    public List<PointsEntry> Entries { get; } = [];

    public async Task ReverseAsync(PointsEntry earn, long due, long lotPending, long lotAvailable, Func<Task<List<LotRemainder>>> openLots)
    {
        var fromPending = Math.Min(due, Math.Max(0, lotPending));
        if (fromPending > 0) Add(earn, "pending", earn.Id, pendingDelta: -fromPending);
        var left = due - fromPending;
        if (left == 0) return;

        if (policy == ReturnPolicy.ReversePendingOnly)
        {
            Add(earn, "waived", null, waived: left);
            return;
        }

        // The line's own lot first, then the member's other points, soonest-expiring first, never below zero here.
        var fromOwn = Math.Min(left, Math.Min(Math.Max(0, lotAvailable - _drawn.GetValueOrDefault(earn.Id)), Math.Max(0, _available)));
        if (fromOwn > 0) Draw(earn, earn.Id, fromOwn);
        left -= fromOwn;
        if (left > 0 && _available > 0)
        {
            foreach (var lot in _lots ??= await openLots())
            {
                if (left == 0 || _available == 0) break;
                if (lot.LotId == earn.Id) continue;
                var take = Math.Min(left, Math.Min(lot.Available - _drawn.GetValueOrDefault(lot.LotId), _available));
                if (take <= 0) continue;
                Draw(earn, lot.LotId, take);
                left -= take;
            }
        }
        if (left == 0) return;
        if (policy == ReturnPolicy.ReverseFully) Add(earn, "owed", null, availableDelta: -left);
        else Add(earn, "waived", null, waived: left);
    }

    private void Draw(PointsEntry earn, string lotId, long points)
    {
        _drawn[lotId] = _drawn.GetValueOrDefault(lotId) + points;
        _available -= points;
        Add(earn, "lot:" + lotId, lotId, availableDelta: -points);
    }

    private void Add(PointsEntry earn, string part, string? lotId, long availableDelta = 0, long pendingDelta = 0, long waived = 0)
    {
        if (availableDelta < 0 && lotId is null) _available += availableDelta;
        Entries.Add(new PointsEntry
        {
            MemberId = earn.MemberId, Kind = PointsEntryKind.Reverse, Source = PointsSource.Refund, SourceId = refunded.RefundId,
            Leg = $"{earn.Leg}:{part}", LotId = lotId, ReversesId = earn.Id, AvailableDelta = availableDelta, PendingDelta = pendingDelta,
            Waived = waived, AvailableAt = now, Actor = ReverseOnOrderRefunded.Actor,
            Reason = $"refund {refunded.RefundId} of order {refunded.ExternalId}", CreatedAt = now,
        });
    }
}
