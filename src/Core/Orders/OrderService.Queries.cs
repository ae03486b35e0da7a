using CommunitySaaS.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Orders;

public sealed partial class OrderService
{
    public async Task<Page<OrderSummary>> ListAsync(OrderQuery query, CancellationToken ct = default)
    {
        var orders = Filter(query.Fulfillment, query.Refund, query.From, query.To, query.CommunityId, query.MemberExternalId);
        if (query.After is not null) orders = orders.Where(o => string.Compare(o.Id, query.After) < 0);
        var rows = await (
            from o in orders.OrderByDescending(o => o.Id).Take(query.Limit + 1)
            join m in db.Members on o.MemberId equals m.Id
            orderby o.Id descending
            select new OrderSummary(o.Id, o.ExternalId, m.ExternalId, o.CommunityId, o.Currency,
                Money.ToDecimal(o.TotalMinor, o.Currency), Money.ToDecimal(o.RefundedMinor, o.Currency), o.FulfillmentStatus, o.RefundStatus, o.PaidAt))
            .ToListAsync(ct);
        return PageRequest.ToPage(rows, query.Limit, o => o.Id);
    }

    /// <summary>The console's orders table: filtered, sorted (by payment time or total, both in SQL) and paged in the database.</summary>
    public async Task<GridPage<OrderSummary>> SearchAsync(OrderGridQuery query, CancellationToken ct = default)
    {
        var orders = Filter(query.Fulfillment, query.Refund, query.From, query.To, query.CommunityId, query.MemberExternalId);
        var rows = from o in orders
                   join m in db.Members on o.MemberId equals m.Id
                   select new { Order = o, MemberExternalId = m.ExternalId };
        return await rows.ToGridPageAsync(
            q => (query.Sort, query.Descending) switch
            {
                (OrderSort.Total, true) => q.OrderByDescending(x => x.Order.TotalMinor).ThenByDescending(x => x.Order.Id),
                (OrderSort.Total, false) => q.OrderBy(x => x.Order.TotalMinor).ThenBy(x => x.Order.Id),
                (_, true) => q.OrderByDescending(x => x.Order.PaidAt).ThenByDescending(x => x.Order.Id),
                _ => q.OrderBy(x => x.Order.PaidAt).ThenBy(x => x.Order.Id),
            },
            x => new OrderSummary(x.Order.Id, x.Order.ExternalId, x.MemberExternalId, x.Order.CommunityId, x.Order.Currency,
                Money.ToDecimal(x.Order.TotalMinor, x.Order.Currency), Money.ToDecimal(x.Order.RefundedMinor, x.Order.Currency),
                x.Order.FulfillmentStatus, x.Order.RefundStatus, x.Order.PaidAt),
            query.Page, ct);
    }

    private IQueryable<Order> Filter(
        FulfillmentStatus? fulfillment, RefundStatus? refund, DateTimeOffset? from, DateTimeOffset? to, string? communityId, string? memberExternalId)
    {
        var orders = db.Orders.AsNoTracking();
        if (fulfillment is not null) orders = orders.Where(o => o.FulfillmentStatus == fulfillment);
        if (refund is not null) orders = orders.Where(o => o.RefundStatus == refund);
        if (from is not null) orders = orders.Where(o => o.PaidAt >= from.Value.ToUniversalTime());
        if (to is not null) orders = orders.Where(o => o.PaidAt < to.Value.ToUniversalTime());
        if (communityId is not null) orders = orders.Where(o => o.CommunityId == communityId);
        if (memberExternalId is not null)
        {
            orders = orders.Where(o => db.Members.Any(m => m.Id == o.MemberId && m.ExternalId == memberExternalId));
        }
        return orders;
    }
}
