using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Points;

public enum ExpiryMode { Never, RollingMonths, EndOfMonth, EndOfYear }

/// <summary>What a refund does to points already spent.</summary>
public enum ReturnPolicy
{
    /// <summary>Only what is still pending is taken back; points that became available stay.</summary>
    ReversePendingOnly,
    /// <summary>Pending first, then as much of the available balance as there is; never below zero.</summary>
    ReverseWithinAvailable,
    /// <summary>All of it: the balance may go negative, and redemption is blocked until it is positive again.</summary>
    ReverseFully,
}

/// <summary>A brand's points policy; a brand without a row has <see cref="Default"/>.</summary>
[Auditable("loyalty_policy", Ignore = ["UpdatedAt", "UpdatedBy"])]
public sealed class LoyaltyPolicy : ITenantOwned
{
    public string TenantId { get; set; } = "";
    /// <summary>How long order points stay pending; null means until the order's return window ends.</summary>
    public int? PendingDelayDays { get; set; }
    public ExpiryMode ExpiryMode { get; set; }
    /// <summary>N: months for <see cref="ExpiryMode.RollingMonths"/> and <see cref="ExpiryMode.EndOfMonth"/>, years for <see cref="ExpiryMode.EndOfYear"/>.</summary>
    public int ExpiryCount { get; set; }
    public ReturnPolicy ReturnPolicy { get; set; } = ReturnPolicy.ReverseWithinAvailable;
    /// <summary>Whole days before a lot's expiry date on which the member gets a <c>points.expiring_soon</c> digest; empty: none.</summary>
    public int[] ExpiryNoticeDays { get; set; } = [.. ExpiryNotices.DefaultDays];
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public static LoyaltyPolicy Default => new();
}
