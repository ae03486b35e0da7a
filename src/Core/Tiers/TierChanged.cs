using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Core.Tiers;

/// <summary>
/// A member's tier went up or down. AggregateId is the member id; its Sequence comes from the member's one event
/// counter (kept on the points account), shared with points events, so one member's events stay in one order.
/// </summary>
public sealed record TierChanged(
    string MemberId, string? FromTier, string? ToTier, string Source, string Reason, string Trigger, int? RuleSetVersion) : DomainEvent
{
    public const string TypeName = "tier.changed";
    public override string Type => TypeName;

    /// <summary>The history row written with the change; what the webhook shows. Absent from events raised before it existed.</summary>
    public string? ChangeId { get; init; }
}
