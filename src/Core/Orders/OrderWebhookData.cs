using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Orders;

/// <summary>
/// The <c>data</c> of order webhooks: the order as <c>GET /orders/{orderId}</c> shows it, at the event's moment, so
/// <c>order.paid</c> never shows a refund that came after it and <c>order.refunded</c> ends with its own refund.
/// </summary>
internal sealed class OrderWebhookData(AppDbContext db) : IWebhookData<OrderPaid>, IWebhookData<OrderRefunded>, IWebhookData<OrderFulfilled>
{
    public Task<object> DataAsync(OrderPaid domainEvent, CancellationToken ct) => ViewAsync(domainEvent.OrderId, domainEvent.RecordedAt, ct);

    public Task<object> DataAsync(OrderRefunded domainEvent, CancellationToken ct) => ViewAsync(domainEvent.OrderId, domainEvent.OccurredAt, ct);

    public Task<object> DataAsync(OrderFulfilled domainEvent, CancellationToken ct) => ViewAsync(domainEvent.OrderId, domainEvent.OccurredAt, ct);

    private async Task<object> ViewAsync(string orderId, DateTimeOffset asOf, CancellationToken ct)
    {
        var order = await db.Orders.WithLinesAndRefunds().FirstAsync(o => o.Id == orderId, ct);
        return OrderViews.Of(order, await db.ExternalIdOfAsync(order.MemberId, ct), asOf);
    }
}
