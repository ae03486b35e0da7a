using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Tiers;

public static class TierSources
{
    public const string Earned = "earned";
    /// <summary>A bought membership (a later feature): held beside the earned tier, the member shows the higher.</summary>
    public const string Paid = "paid";
}

/// <summary>
/// A member's tier state, kept outside the rules: the earned tier with when it was reached, when it is checked again
/// and, once a check found the member no longer qualifies, until when they keep it; and room for a paid tier.
/// Every change bumps <see cref="Revision"/> by a conditional update, and the history row of a change carries that
/// revision under a unique key, so two evaluations racing on one member never record one change twice.
/// </summary>
public sealed class MemberTier : ITenantOwned
{
    public required string MemberId { get; init; }
    public string TenantId { get; set; } = "";
    public string? EarnedCode { get; set; }
    public DateTimeOffset? EarnedSince { get; set; }
    public DateTimeOffset? ReevaluateAt { get; set; }
    public DateTimeOffset? GraceUntil { get; set; }
    public string? PaidCode { get; set; }
    public DateTimeOffset? PaidSince { get; set; }
    public DateTimeOffset? PaidUntil { get; set; }
    public long Revision { get; set; }
    public DateTimeOffset? EvaluatedAt { get; set; }
}
