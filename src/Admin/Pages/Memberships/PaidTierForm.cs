using CommunitySaaS.Core.Memberships;

namespace CommunitySaaS.Admin.Pages.Memberships;

/// <summary>The editable shape of <see cref="PutPaidTier"/> for one tier; an empty price field means no price for that period.</summary>
public sealed class PaidTierForm
{
    public string TierCode { get; init; } = "";
    public string TierName { get; init; } = "";
    public bool ForSale { get; set; }
    public string? MonthlyPriceId { get; set; }
    public string? YearlyPriceId { get; set; }

    public static PaidTierForm From(PaidTierView tier) => new()
    {
        TierCode = tier.TierCode, TierName = tier.TierName, ForSale = tier.ForSale, MonthlyPriceId = tier.MonthlyPriceId, YearlyPriceId = tier.YearlyPriceId,
    };

    public PutPaidTier ToCommand() => new(ForSale, Blank(MonthlyPriceId), Blank(YearlyPriceId));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The editable shape of <see cref="PutMembershipSettings"/>.</summary>
public sealed class MembershipPolicyForm
{
    public int? GraceDays { get; set; }
    public bool RevokeOnRefund { get; set; }

    public static MembershipPolicyForm From(MembershipSettingsView settings) => new() { GraceDays = settings.GraceDays, RevokeOnRefund = settings.RevokeOnRefund };

    public PutMembershipSettings ToCommand() => new(GraceDays ?? -1, RevokeOnRefund);
}
