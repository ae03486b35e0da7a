using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Orders;

/// <summary>Whether the goods went out; independent of refunds, so a partly refunded order can still ship.</summary>
public enum FulfillmentStatus { Unfulfilled, Fulfilled }

/// <summary>How much of what was paid has been given back: nothing, some, or all of it.</summary>
public enum RefundStatus { None, Partial, Full }

/// <summary>
/// A storefront order, idempotent by the storefront's own order id (<see cref="ExternalId"/>). Amounts are minor
/// units of <see cref="Currency"/>. The refunded amounts are counters kept by conditional updates in the refund's
/// transaction and bounded by CHECK constraints, never sums read and written back in memory.
/// </summary>
public sealed class Order : ITenantOwned
{
    public string Id { get; init; } = Ids.New("ord");
    public string TenantId { get; set; } = "";
    public required string ExternalId { get; init; }
    public required string MemberId { get; init; }
    public string? CommunityId { get; init; }
    public string? KosShareCode { get; init; }

    /// <summary>Left empty until KOS bindings exist: the KOS the order's commission is attributed to.</summary>
    public string? AttributedKosId { get; set; }
    public required string Currency { get; init; }

    /// <summary>The lines' gross amounts (quantity x unit price) before any discount.</summary>
    public long SubtotalMinor { get; init; }

    /// <summary>The order-level discount, spread over the lines' paid amounts by largest remainder.</summary>
    public long DiscountMinor { get; init; }

    /// <summary>Shipping charged: never commissionable, never in the points base.</summary>
    public long ShippingMinor { get; init; }

    /// <summary>What the buyer paid: the lines' paid amounts plus shipping.</summary>
    public long TotalMinor { get; init; }
    public long RefundedMinor { get; init; }
    public long ShippingRefundedMinor { get; init; }
    public FulfillmentStatus FulfillmentStatus { get; init; }
    public RefundStatus RefundStatus { get; init; }

    /// <summary>The last <c>Sequence</c> given to one of this order's events; bumped by the update that raises the next one.</summary>
    public long EventSequence { get; init; }

    /// <summary>When the storefront says it was paid.</summary>
    public DateTimeOffset PaidAt { get; init; }

    /// <summary>When this server recorded it.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FulfilledAt { get; init; }

    /// <summary>The brand's return window as it was when the order was paid: settlement waits for this.</summary>
    public DateTimeOffset ReturnWindowEndsAt { get; init; }
    public required string RequestHash { get; init; }
    public List<OrderLine> Lines { get; init; } = [];
    public List<Refund> Refunds { get; init; } = [];
}

public sealed class OrderLine : ITenantOwned
{
    public long Id { get; init; }
    public string TenantId { get; set; } = "";
    public string OrderId { get; init; } = "";
    public int LineNumber { get; init; }
    public required string Sku { get; init; }
    public required string Category { get; init; }
    public int Quantity { get; init; }
    public long UnitPriceMinor { get; init; }

    /// <summary>Quantity x unit price.</summary>
    public long GrossMinor { get; init; }

    /// <summary>The line's own discount.</summary>
    public long DiscountMinor { get; init; }

    /// <summary>The line's share of the order-level discount.</summary>
    public long OrderDiscountMinor { get; init; }

    /// <summary>Gross less both discounts: what this line really brought in, the base of every reversal.</summary>
    public long PaidMinor { get; init; }
    public long RefundedMinor { get; init; }
    public int RefundedQuantity { get; init; }
}
