using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Core.Memberships;

/// <summary>A verified Stripe webhook was stored; its handler re-reads Stripe and derives the membership.</summary>
public sealed record StripeEventReceived(string WebhookEventId, string StripeEventId, string StripeType) : DomainEvent
{
    public const string TypeName = "stripe.event_received";
    public override string Type => TypeName;
}

/// <summary>A membership invoice was paid (first payment and every renewal), once per invoice: points rules may reward it.</summary>
public sealed record MembershipPaid(
    string MemberId, string MembershipId, string SubscriptionId, string InvoiceId, string? TierCode, string? Period,
    string Currency, long AmountMinor, DateTimeOffset PaidAt) : DomainEvent
{
    public const string TypeName = "membership.paid";
    public override string Type => TypeName;
}

/// <summary>A membership's status as Stripe reports it moved; AggregateId is the member, in the member's one event order.</summary>
public abstract record MembershipStatusChanged(
    string MemberId, string MembershipId, string SubscriptionId, string? TierCode, string Status, string? PreviousStatus,
    DateTimeOffset? CurrentPeriodEnd, DateTimeOffset? GrantedUntil) : DomainEvent;

public sealed record MembershipActivated(
    string MemberId, string MembershipId, string SubscriptionId, string? TierCode, string Status, string? PreviousStatus,
    DateTimeOffset? CurrentPeriodEnd, DateTimeOffset? GrantedUntil)
    : MembershipStatusChanged(MemberId, MembershipId, SubscriptionId, TierCode, Status, PreviousStatus, CurrentPeriodEnd, GrantedUntil)
{
    public const string TypeName = "membership.activated";
    public override string Type => TypeName;
}

/// <summary>A renewal failed: the tier is kept until <c>GrantedUntil</c> (the grace period) while Stripe retries.</summary>
public sealed record MembershipPastDue(
    string MemberId, string MembershipId, string SubscriptionId, string? TierCode, string Status, string? PreviousStatus,
    DateTimeOffset? CurrentPeriodEnd, DateTimeOffset? GrantedUntil)
    : MembershipStatusChanged(MemberId, MembershipId, SubscriptionId, TierCode, Status, PreviousStatus, CurrentPeriodEnd, GrantedUntil)
{
    public const string TypeName = "membership.past_due";
    public override string Type => TypeName;
}

/// <summary>Canceled, unpaid, expired or revoked: the membership grants nothing any more.</summary>
public sealed record MembershipCanceled(
    string MemberId, string MembershipId, string SubscriptionId, string? TierCode, string Status, string? PreviousStatus,
    DateTimeOffset? CurrentPeriodEnd, DateTimeOffset? GrantedUntil)
    : MembershipStatusChanged(MemberId, MembershipId, SubscriptionId, TierCode, Status, PreviousStatus, CurrentPeriodEnd, GrantedUntil)
{
    public const string TypeName = "membership.canceled";
    public override string Type => TypeName;
}
