using CommunitySaaS.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Orders;

/// <summary>An order as the API and the console show it: minor units back to decimal amounts in the currency's exponent.</summary>
internal static class OrderViews
{
    /// <summary>Everything <see cref="Of"/> shows: the lines and every refund with its lines.</summary>
    public static IQueryable<Order> WithLinesAndRefunds(this IQueryable<Order> orders) =>
        orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Refunds).ThenInclude(r => r.Lines).AsSplitQuery();

    /// <summary>
    /// The order now, or as it was at <paramref name="asOf"/>: only the refunds made by then, and fulfilled only when
    /// that came first. Refunds are never changed once written, so an event's moment can always be shown again.
    /// </summary>
    public static OrderView Of(Order o, string memberExternalId, DateTimeOffset? asOf = null)
    {
        decimal D(long minor) => Money.ToDecimal(minor, o.Currency);
        var refunds = o.Refunds.Where(r => asOf is null || r.CreatedAt <= asOf).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
        var refundedMinor = refunds.Sum(r => r.AmountMinor);
        var perLine = refunds.SelectMany(r => r.Lines).GroupBy(l => l.LineNumber)
            .ToDictionary(g => g.Key, g => (Quantity: g.Sum(l => l.Quantity), Minor: g.Sum(l => l.AmountMinor)));
        var fulfilledAt = asOf is null || o.FulfilledAt <= asOf ? o.FulfilledAt : null;
        var fulfillment = asOf is null ? o.FulfillmentStatus : fulfilledAt is null ? FulfillmentStatus.Unfulfilled : FulfillmentStatus.Fulfilled;
        var refundStatus = asOf is null ? o.RefundStatus
            : refundedMinor == 0 ? RefundStatus.None : refundedMinor == o.TotalMinor ? RefundStatus.Full : RefundStatus.Partial;
        return new OrderView(
            o.Id, o.ExternalId, o.MemberId, memberExternalId, o.CommunityId, o.KosShareCode, o.Currency,
            D(o.SubtotalMinor), D(o.DiscountMinor), D(o.ShippingMinor), D(o.TotalMinor), D(refundedMinor),
            fulfillment, refundStatus, o.PaidAt, o.CreatedAt, fulfilledAt, o.ReturnWindowEndsAt,
            o.Lines.OrderBy(l => l.LineNumber).Select(l =>
            {
                var refunded = perLine.GetValueOrDefault(l.LineNumber);
                return new OrderLineView(
                    l.LineNumber, l.Sku, l.Category, l.Quantity, D(l.UnitPriceMinor), D(l.GrossMinor), D(l.DiscountMinor), D(l.OrderDiscountMinor),
                    D(l.PaidMinor), refunded.Quantity, D(refunded.Minor));
            }).ToList(),
            refunds.Select(r => new RefundView(
                r.Id, r.ExternalId, D(r.AmountMinor), D(r.ShippingMinor), r.Reason,
                r.Lines.OrderBy(l => l.LineNumber).Select(l => new RefundedLineView(l.LineNumber, l.Quantity, D(l.AmountMinor))).ToList(),
                r.CreatedAt)).ToList());
    }
}
