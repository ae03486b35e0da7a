using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Orders;

public enum OrderStatus { Paid, Fulfilled, PartiallyRefunded, Refunded }

/// <summary>A storefront order, idempotent by the storefront's own order id (<see cref="ExternalId"/>).</summary>
public sealed class Order : ITenantOwned
{
    public string Id { get; init; } = Ids.New("ord");
    public string TenantId { get; set; } = "";
    public required string ExternalId { get; init; }
    public required string MemberId { get; init; }
    public string? CommunityId { get; init; }
    public string? KosShareCode { get; init; }
    public required string Currency { get; init; }
    public decimal Total { get; init; }
    public OrderStatus Status { get; set; }
    public DateTimeOffset PaidAt { get; init; }
    public DateTimeOffset? FulfilledAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string RequestHash { get; init; }
    public List<OrderLine> Lines { get; init; } = [];
    public List<Refund> Refunds { get; init; } = [];

    public decimal RefundedTotal => Refunds.Sum(r => r.Amount);
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
    public decimal UnitPrice { get; init; }
    public decimal Amount { get; init; }
}
