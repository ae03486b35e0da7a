using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Orders;

public sealed partial class OrderService
{
    /// <summary>How often a refund re-plans when a concurrent refund changed a line it planned on.</summary>
    private const int MaxPlanAttempts = 8;

    /// <summary>
    /// Refunds in one transaction: the order's refunded amount goes up only <c>WHERE refunded + amount &lt;= total</c>,
    /// each line's only <c>WHERE refunded + amount &lt;= paid</c> (and, for units, only from the refunded quantity the plan
    /// saw), and the same update takes the order's next event number. Concurrent refunds that together exceed the
    /// order therefore cannot all commit: the losers re-plan on fresh numbers and get a conflict. CHECK constraints
    /// stand behind it. Two requests with one refund id race on its unique index; the loser replays the winner.
    /// </summary>
    public Task<ServiceResult<OrderView>> RefundAsync(string orderId, CreateRefund command, CancellationToken ct = default) =>
        RetryOnConflict.RunAsync(db, c => RefundOnceAsync(orderId, command, c), ct);

    private async Task<ServiceResult<OrderView>> RefundOnceAsync(string orderId, CreateRefund command, CancellationToken ct)
    {
        var hash = RequestHash.OfValue(new { orderId, command });
        for (var attempt = 1; attempt <= MaxPlanAttempts; attempt++)
        {
            var order = await LoadAsync(orderId, ct);
            if (order is null) return NotFound(orderId);
            var prior = await db.Refunds.AsNoTracking().FirstOrDefaultAsync(r => r.ExternalId == command.RefundId, ct);
            if (prior is not null)
            {
                return prior.RequestHash == hash
                    ? ServiceResult<OrderView>.Ok(await ViewAsync(order, ct))
                    : ServiceResult<OrderView>.Conflict($"Refund '{command.RefundId}' was already made with different details.");
            }

            var planned = RefundPlanner.Plan(order, command);
            if (!planned.Succeeded) return planned.As<OrderView>();
            if (await TryApplyAsync(order, planned.Value!, command, hash, ct))
            {
                return ServiceResult<OrderView>.Created(await ViewAsync((await LoadAsync(orderId, ct))!, ct));
            }
            db.ChangeTracker.Clear();
        }
        return ServiceResult<OrderView>.Conflict($"Order '{orderId}' kept changing while this refund was made; send it again.");
    }

    /// <summary>False when a concurrent change beat the plan: nothing is written and the caller re-plans.</summary>
    private async Task<bool> TryApplyAsync(Order order, RefundPlanner.RefundPlan plan, CreateRefund command, string hash, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var amount = plan.AmountMinor;
        var shipping = plan.ShippingMinor;
        var changed = await db.Orders
            .Where(o => o.Id == order.Id && o.RefundedMinor + amount <= o.TotalMinor && o.ShippingRefundedMinor + shipping <= o.ShippingMinor)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.RefundedMinor, o => o.RefundedMinor + amount)
                .SetProperty(o => o.ShippingRefundedMinor, o => o.ShippingRefundedMinor + shipping)
                .SetProperty(o => o.RefundStatus, o => o.RefundedMinor + amount == o.TotalMinor ? RefundStatus.Full : RefundStatus.Partial)
                .SetProperty(o => o.EventSequence, o => o.EventSequence + 1), ct);
        if (changed == 0) return false;

        foreach (var line in plan.Lines)
        {
            var (id, units, money, seen) = (line.LineId, line.Quantity, line.AmountMinor, line.ExpectedRefundedQuantity);
            var lines = db.OrderLines.Where(l => l.Id == id && l.RefundedMinor + money <= l.PaidMinor && l.RefundedQuantity + units <= l.Quantity);
            // A refund of units priced its last unit from the quantity it saw; a refund by amount only needs room.
            if (units > 0) lines = lines.Where(l => l.RefundedQuantity == seen);
            var lineChanged = await lines.ExecuteUpdateAsync(s => s
                .SetProperty(l => l.RefundedMinor, l => l.RefundedMinor + money)
                .SetProperty(l => l.RefundedQuantity, l => l.RefundedQuantity + units), ct);
            if (lineChanged == 0) return false;
        }

        var after = await db.Orders.AsNoTracking().Where(o => o.Id == order.Id)
            .Select(o => new { o.EventSequence, o.RefundedMinor, o.TotalMinor, o.RefundStatus }).FirstAsync(ct);
        var lineIds = plan.Lines.Select(l => l.LineId).ToList();
        var linesAfter = await db.OrderLines.AsNoTracking().Where(l => lineIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);

        var refund = new Refund
        {
            OrderId = order.Id, ExternalId = command.RefundId, AmountMinor = amount, ShippingMinor = shipping, Reason = command.Reason,
            CreatedAt = time.GetUtcNow(), RequestHash = hash,
            Lines = plan.Lines.Select(l => new RefundLine { LineNumber = l.LineNumber, Quantity = l.Quantity, AmountMinor = l.AmountMinor }).ToList(),
        };
        db.Refunds.Add(refund);
        events.Publish(new OrderRefunded(
            order.Id, order.ExternalId, refund.Id, order.Currency, amount, shipping,
            plan.Lines.Select(l =>
            {
                var now = linesAfter[l.LineId];
                return new RefundedLine(l.LineNumber, l.Quantity, l.AmountMinor, now.RefundedQuantity, now.RefundedMinor, now.Quantity, now.PaidMinor);
            }).ToList(),
            after.RefundedMinor, after.TotalMinor, after.RefundStatus == RefundStatus.Full)
        {
            TenantId = tenant.TenantId!, OccurredAt = refund.CreatedAt, AggregateId = order.Id, Sequence = after.EventSequence,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
