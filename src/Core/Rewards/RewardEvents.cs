using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Core.Rewards;

// redemption.* are about the redemption (AggregateId = redemption id: 1 created, 2 canceled); points.redeemed is
// about the member, on the ledger's per-member sequence, so it sits in order among the member's other points events.

public sealed record RedemptionCreated(string RedemptionId, string MemberId, string RewardId, int Quantity, long Points, IReadOnlyList<string> Codes) : DomainEvent
{
    public const string TypeName = "redemption.created";
    public override string Type => TypeName;
}

public sealed record RedemptionCanceled(string RedemptionId, string MemberId, string RewardId, long Points) : DomainEvent
{
    public const string TypeName = "redemption.canceled";
    public override string Type => TypeName;
}

public sealed record PointsRedeemed(string MemberId, long Points, string RedemptionId, IReadOnlyList<string> EntryIds) : DomainEvent
{
    public const string TypeName = "points.redeemed";
    public override string Type => TypeName;
}
