using CommunitySaaS.Core.Points;

namespace CommunitySaaS.Admin.Pages.Settings;

/// <summary>The editable shape of <see cref="SaveLoyaltyPolicy"/>: validated as that command, as PUT /settings/loyalty is.</summary>
public sealed class LoyaltyPolicyForm
{
    public int? PendingDelayDays { get; set; }
    public ExpiryMode? ExpiryMode { get; set; }
    public int? ExpiryCount { get; set; }
    public ReturnPolicy? ReturnPolicy { get; set; }

    public static LoyaltyPolicyForm From(LoyaltyPolicy policy) => new()
    {
        PendingDelayDays = policy.PendingDelayDays, ExpiryMode = policy.ExpiryMode,
        ExpiryCount = policy.ExpiryMode == Core.Points.ExpiryMode.Never ? null : policy.ExpiryCount, ReturnPolicy = policy.ReturnPolicy,
    };

    public SaveLoyaltyPolicy ToCommand() =>
        new(ExpiryMode, ReturnPolicy, ExpiryMode == Core.Points.ExpiryMode.Never ? null : ExpiryCount, PendingDelayDays);
}
