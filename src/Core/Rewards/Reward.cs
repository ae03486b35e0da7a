using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Rewards;

public enum RewardKind { Coupon, Product }

/// <summary>
/// A thing a member can buy with points. <see cref="Remaining"/> is the stock the database guards: every redemption
/// takes units with <c>UPDATE … WHERE Remaining &gt;= @q</c>; null means unlimited. A coupon reward's remaining stock is
/// its unused codes (an upload adds what it accepted, a redemption takes, a cancel gives back).
/// </summary>
[Auditable("reward", Ignore = ["UpdatedAt"])]
public sealed class Reward : ITenantOwned
{
    public string Id { get; init; } = Ids.New("rwd");
    public string TenantId { get; set; } = "";
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public RewardKind Kind { get; set; }
    public long PointsCost { get; set; }
    public long? Remaining { get; set; }
    public int? PerMemberLimit { get; set; }
    /// <summary>Tier codes allowed to redeem; empty: every member.</summary>
    public List<string> AllowedTiers { get; set; } = [];
    public DateTimeOffset? ValidFrom { get; set; }
    public DateTimeOffset? ValidUntil { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One coupon code of a reward's pool; handed out by setting <see cref="RedemptionId"/> where it is null.</summary>
public sealed class RewardCode : ITenantOwned
{
    public string Id { get; init; } = Ids.New("rcd");
    public string TenantId { get; set; } = "";
    public required string RewardId { get; init; }
    public required string Code { get; init; }
    public string? RedemptionId { get; set; }
    public DateTimeOffset UploadedAt { get; init; }
}

public enum RedemptionStatus { Active, Canceled }

public sealed class Redemption : ITenantOwned
{
    public string Id { get; init; } = Ids.New("rdm");
    public string TenantId { get; set; } = "";
    public required string MemberId { get; init; }
    public required string RewardId { get; init; }
    public int Quantity { get; init; }
    public long Points { get; init; }
    /// <summary>The coupon codes handed out, kept after a cancel gives them back to the pool.</summary>
    public List<string> Codes { get; set; } = [];
    public RedemptionStatus Status { get; set; }
    public required string Actor { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CanceledAt { get; set; }
}
