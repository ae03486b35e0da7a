using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Core.Orders;

/// <summary>The order's events, built from the rows as committed in the same transaction.</summary>
internal static class OrderEventFactory
{
    public static OrderPaid Paid(Order o) => new(
        o.Id, o.ExternalId, o.MemberId, o.CommunityId, o.KosShareCode, o.Currency, o.SubtotalMinor, o.DiscountMinor, o.ShippingMinor, o.TotalMinor,
        o.Lines.Select(l => new PaidLine(l.LineNumber, l.Sku, l.Category, l.Quantity, l.UnitPriceMinor, l.GrossMinor, l.DiscountMinor, l.OrderDiscountMinor, l.PaidMinor)).ToList(),
        o.PaidAt, o.CreatedAt, o.ReturnWindowEndsAt)
    {
        TenantId = o.TenantId.Length > 0 ? o.TenantId : throw new InvalidOperationException("The order has no tenant yet."),
        OccurredAt = o.PaidAt,
        AggregateId = o.Id,
        Sequence = 1,
    };
}
