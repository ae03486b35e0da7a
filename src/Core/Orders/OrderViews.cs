using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Orders;

/// <summary>An order as the API and the console show it: minor units back to decimal amounts in the currency's exponent.</summary>
internal static class OrderViews
{
    public static OrderView Of(Order o, string memberExternalId)
    {
        decimal D(long minor) => Money.ToDecimal(minor, o.Currency);
        return new OrderView(
            o.Id, o.ExternalId, o.MemberId, memberExternalId, o.CommunityId, o.KosShareCode, o.Currency,
            D(o.SubtotalMinor), D(o.DiscountMinor), D(o.ShippingMinor), D(o.TotalMinor), D(o.RefundedMinor),
            o.FulfillmentStatus, o.RefundStatus, o.PaidAt, o.CreatedAt, o.FulfilledAt, o.ReturnWindowEndsAt,
            o.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderLineView(
                l.LineNumber, l.Sku, l.Category, l.Quantity, D(l.UnitPriceMinor), D(l.GrossMinor), D(l.DiscountMinor), D(l.OrderDiscountMinor),
                D(l.PaidMinor), l.RefundedQuantity, D(l.RefundedMinor))).ToList(),
            o.Refunds.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => new RefundView(
                r.Id, r.ExternalId, D(r.AmountMinor), D(r.ShippingMinor), r.Reason,
                r.Lines.OrderBy(l => l.LineNumber).Select(l => new RefundedLineView(l.LineNumber, l.Quantity, D(l.AmountMinor))).ToList(),
                r.CreatedAt)).ToList());
    }
}
