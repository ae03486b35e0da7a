using System.Globalization;
using CommunitySaaS.Core.Points;

namespace CommunitySaaS.Admin.Pages.Settings;

/// <summary>The editable shape of <see cref="SaveLoyaltyPolicy"/>: validated as that command, as PUT /settings/loyalty is.</summary>
public sealed class LoyaltyPolicyForm
{
    public int? PendingDelayDays { get; set; }
    public ExpiryMode? ExpiryMode { get; set; }
    public int? ExpiryCount { get; set; }
    public ReturnPolicy? ReturnPolicy { get; set; }

    /// <summary>Days before expiry, comma-separated ("30, 7, 1"); empty for no notices.</summary>
    public string? ExpiryNoticeDays { get; set; }

    public static LoyaltyPolicyForm From(LoyaltyPolicy policy) => new()
    {
        PendingDelayDays = policy.PendingDelayDays, ExpiryMode = policy.ExpiryMode,
        ExpiryCount = policy.ExpiryMode == Core.Points.ExpiryMode.Never ? null : policy.ExpiryCount, ReturnPolicy = policy.ReturnPolicy,
        ExpiryNoticeDays = string.Join(", ", policy.ExpiryNoticeDays),
    };

    public SaveLoyaltyPolicy ToCommand() =>
        new(ExpiryMode, ReturnPolicy, ExpiryMode == Core.Points.ExpiryMode.Never ? null : ExpiryCount, PendingDelayDays, NoticeDays());

    /// <summary>A word that is not a number reads as 0, so the command's own range check names the field.</summary>
    private int[] NoticeDays() =>
        [.. (ExpiryNoticeDays ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)];
}
