using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Memberships;

public enum BillingPeriod { Monthly, Yearly }

/// <summary>A tier the brand sells: its Stripe price per billing period. One row per tier that was ever put on sale.</summary>
[Auditable("paid_tier")]
public sealed class PaidTier : ITenantOwned
{
    public string TenantId { get; set; } = "";
    public required string TierCode { get; init; }
    public bool ForSale { get; set; }
    public string? MonthlyPriceId { get; set; }
    public string? YearlyPriceId { get; set; }
    [AuditIgnore] public DateTimeOffset UpdatedAt { get; set; }

    public string? PriceFor(BillingPeriod period) => period == BillingPeriod.Monthly ? MonthlyPriceId : YearlyPriceId;
}

/// <summary>A brand's membership policy; a brand without a row has <see cref="Default"/>.</summary>
[Auditable("membership_settings")]
public sealed class MembershipSettings : ITenantOwned
{
    public const int DefaultGraceDays = 7;

    public string TenantId { get; set; } = "";

    /// <summary>How long a member keeps a paid tier after a failed renewal while Stripe retries the payment.</summary>
    public int GraceDays { get; set; } = DefaultGraceDays;

    /// <summary>Whether a refunded membership payment takes the tier away at once (otherwise the subscription decides).</summary>
    public bool RevokeOnRefund { get; set; }
    [AuditIgnore] public DateTimeOffset UpdatedAt { get; set; }

    public static MembershipSettings Default => new();
}
