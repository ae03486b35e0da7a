using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Orders;

/// <summary>One refund against an order, idempotent by the storefront's refund id; never changed once written.</summary>
public sealed class Refund : ITenantOwned
{
    public string Id { get; init; } = Ids.New("ref");
    public string TenantId { get; set; } = "";
    public string OrderId { get; init; } = "";
    public required string ExternalId { get; init; }
    public decimal Amount { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string RequestHash { get; init; }
    public List<RefundLine> Lines { get; init; } = [];
}

public sealed class RefundLine : ITenantOwned
{
    public long Id { get; init; }
    public string TenantId { get; set; } = "";
    public string RefundId { get; init; } = "";
    public int LineNumber { get; init; }
    public int Quantity { get; init; }
    public decimal Amount { get; init; }
}
