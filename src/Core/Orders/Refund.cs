using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Orders;

/// <summary>
/// One refund against an order, idempotent by the storefront's refund id; never changed once written. Its amount
/// is always allocated to lines (and shipping) when it is made, so every later reversal works per line.
/// </summary>
public sealed class Refund : ITenantOwned
{
    public string Id { get; init; } = Ids.New("ref");
    public string TenantId { get; set; } = "";
    public string OrderId { get; init; } = "";
    public required string ExternalId { get; init; }
    public long AmountMinor { get; init; }

    /// <summary>The part of <see cref="AmountMinor"/> that gave back shipping.</summary>
    public long ShippingMinor { get; init; }
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

    /// <summary>Units given back; zero when a refund by amount only took money off the line.</summary>
    public int Quantity { get; init; }
    public long AmountMinor { get; init; }
}
