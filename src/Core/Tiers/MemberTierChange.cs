using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Tiers;

public enum TierChangeReason { Upgrade, Downgrade, GraceStarted, Requalified }

/// <summary>
/// One change of a member's tier state, append-only: what it was, what it became, why, on what statistics and under
/// which rule set version. (<see cref="MemberId"/>, <see cref="Revision"/>) is unique per brand.
/// </summary>
public sealed class MemberTierChange : ITenantOwned
{
    public string Id { get; init; } = Ids.New("tch");
    public string TenantId { get; set; } = "";
    public required string MemberId { get; init; }
    public long Revision { get; init; }
    public string? FromCode { get; init; }
    public string? ToCode { get; init; }
    public string Source { get; init; } = TierSources.Earned;
    public TierChangeReason Reason { get; init; }
    /// <summary>What caused the evaluation: "order.paid:ord_…", "points.earned:evt_…", "job:loyalty-nightly:jrn_…".</summary>
    public required string Trigger { get; init; }
    public string? RuleSetVersionId { get; init; }
    public int? RuleSetVersion { get; init; }
    public string? RuleName { get; init; }
    public long Points12m { get; init; }
    public decimal Spend12m { get; init; }
    public int Orders12m { get; init; }
    public DateTimeOffset? GraceUntil { get; init; }
    public DateTimeOffset At { get; init; }
}
