using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Orders;

public sealed partial class OrderService
{
    /// <summary>
    /// Marks the goods as sent: one conditional update (still unfulfilled, not fully refunded) that also takes the
    /// order's next event number, so a fulfil racing a refund or a second fulfil can neither overwrite the refund
    /// state nor publish twice. Partly refunded orders still ship.
    /// </summary>
    public async Task<ServiceResult<OrderView>> FulfillAsync(string orderId, CancellationToken ct = default)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.ExternalId == orderId).Select(o => new { o.Id, o.ExternalId }).FirstOrDefaultAsync(ct);
        if (order is null) return NotFound(orderId);
        var now = time.GetUtcNow();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var changed = await db.Orders
                .Where(o => o.Id == order.Id && o.FulfillmentStatus == FulfillmentStatus.Unfulfilled && o.RefundStatus != RefundStatus.Full)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.FulfillmentStatus, FulfillmentStatus.Fulfilled)
                    .SetProperty(o => o.FulfilledAt, now)
                    .SetProperty(o => o.EventSequence, o => o.EventSequence + 1), ct);
            if (changed == 1)
            {
                var sequence = await db.Orders.Where(o => o.Id == order.Id).Select(o => o.EventSequence).FirstAsync(ct);
                events.Publish(new OrderFulfilled(order.Id, order.ExternalId, now)
                {
                    TenantId = tenant.TenantId!, OccurredAt = now, AggregateId = order.Id, Sequence = sequence,
                });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
        }
        var current = (await LoadAsync(orderId, ct))!;
        if (current.FulfillmentStatus == FulfillmentStatus.Fulfilled) return ServiceResult<OrderView>.Ok(await ViewAsync(current, ct));
        return ServiceResult<OrderView>.Conflict($"Order '{orderId}' is fully refunded and cannot be fulfilled.");
    }
}
