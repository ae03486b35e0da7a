using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Memberships;

/// <summary>
/// One Stripe subscription of a member, as last read from Stripe's API (never from a webhook's payload, which may be
/// stale or out of order). <see cref="GrantedUntil"/> is what it gives: the paid tier up to then, or nothing (null).
/// Every change bumps <see cref="Revision"/> by a conditional update under the row's lock.
/// </summary>
public sealed class Membership : ITenantOwned
{
    public string Id { get; init; } = Ids.New("msp");
    public string TenantId { get; set; } = "";
    public required string SubscriptionId { get; init; }
    public string MemberId { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public string? TierCode { get; set; }
    public string? PriceId { get; set; }
    public BillingPeriod? Period { get; set; }
    /// <summary>Stripe's status: incomplete, incomplete_expired, trialing, active, past_due, canceled, unpaid, paused.</summary>
    public string Status { get; set; } = "";
    public DateTimeOffset? CurrentPeriodStart { get; set; }
    public DateTimeOffset? CurrentPeriodEnd { get; set; }
    public bool CancelAtPeriodEnd { get; set; }
    public DateTimeOffset? GraceUntil { get; set; }
    public DateTimeOffset? GrantedUntil { get; set; }
    /// <summary>Set when a refunded payment revoked it (brand policy); a revoked membership grants nothing again.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SyncedAt { get; set; }
    public string? LastEventId { get; set; }
    public long Revision { get; set; }
}

/// <summary>The one Stripe customer of a member in a brand, created once.</summary>
public sealed class StripeCustomer : ITenantOwned
{
    public required string MemberId { get; init; }
    public string TenantId { get; set; } = "";
    public required string CustomerId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A paid membership invoice, recorded once by its id: what raises <c>membership.paid</c> and what a refund points back to.</summary>
public sealed class MembershipPayment : ITenantOwned
{
    public required string InvoiceId { get; init; }
    public string TenantId { get; set; } = "";
    public required string SubscriptionId { get; init; }
    public string MemberId { get; init; } = "";
    public string? ChargeId { get; init; }
    public string? PaymentIntentId { get; init; }
    public long AmountMinor { get; init; }
    public string Currency { get; init; } = "";
    public DateTimeOffset PaidAt { get; init; }
    public DateTimeOffset? RefundedAt { get; set; }
}

/// <summary>
/// A Stripe webhook delivery, stored once by Stripe's event id with its raw body (the audit of what Stripe said). Its
/// processing is the outbox message <see cref="OutboxEventId"/>: processed, retrying with an error, or dead-lettered.
/// </summary>
public sealed class StripeWebhookEvent : ITenantOwned
{
    public string Id { get; init; } = Ids.New("swe");
    public string TenantId { get; set; } = "";
    public required string EventId { get; init; }
    public required string Type { get; init; }
    public string? ObjectId { get; init; }
    public bool LiveMode { get; init; }
    public required string RawBody { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public string OutboxEventId { get; init; } = "";
}
