namespace CommunitySaaS.Core.Orders;

/// <summary>The <c>Orders</c> section.</summary>
public sealed class OrderOptions
{
    public const string Section = "Orders";

    /// <summary>How far back a storefront's <c>paidAt</c> may lie: older orders would land in settled periods.</summary>
    public int MaxPaidAtAgeDays { get; set; } = 90;

    /// <summary>How far ahead of this server's clock a <c>paidAt</c> may lie (the storefront's clock may run fast).</summary>
    public TimeSpan PaidAtClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
