using System.ComponentModel.DataAnnotations;

namespace CommunitySaaS.Core.Memberships;

/// <summary>Starts a Stripe Checkout for a paid tier; Stripe sends the member back to one of the two URLs.</summary>
public sealed record StartCheckout(
    [property: Required, MaxLength(32)] string TierCode,
    [property: Required] BillingPeriod? Period,
    [property: Required, Url, MaxLength(2000)] string SuccessUrl,
    [property: Required, Url, MaxLength(2000)] string CancelUrl);

public sealed record CheckoutView(string SessionId, string Url, string CustomerId);

public sealed record StartPortal([property: Required, Url, MaxLength(2000)] string ReturnUrl);

public sealed record PortalView(string Url);

public sealed record MembershipView(
    string Id, string SubscriptionId, string? TierCode, string? Period, string Status, MembershipPhase Phase,
    DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd, DateTimeOffset? GraceUntil, DateTimeOffset? GrantedUntil,
    bool Granting, DateTimeOffset? RevokedAt, DateTimeOffset CreatedAt, DateTimeOffset? SyncedAt, string? MemberExternalId = null);

/// <summary>The <c>membership.paid</c> data: the invoice that was paid, and the membership as it was then.</summary>
public sealed record MembershipPaymentView(string InvoiceId, string Currency, decimal Amount, DateTimeOffset PaidAt, MembershipView Membership);

/// <summary>Puts a tier on sale (or off it) with its Stripe price per period; a tier on sale needs at least one price.</summary>
public sealed record PutPaidTier(
    bool ForSale,
    [property: MaxLength(255), RegularExpression("^price_[A-Za-z0-9_]+$", ErrorMessage = "monthlyPriceId must be a Stripe price id (price_…).")] string? MonthlyPriceId,
    [property: MaxLength(255), RegularExpression("^price_[A-Za-z0-9_]+$", ErrorMessage = "yearlyPriceId must be a Stripe price id (price_…).")] string? YearlyPriceId);

public sealed record PaidTierView(string TierCode, string TierName, int Rank, bool ForSale, string? MonthlyPriceId, string? YearlyPriceId, int ActiveMembers);

public sealed record PutMembershipSettings(
    [property: Range(0, MembershipLimits.MaxGraceDays, ErrorMessage = "graceDays must be from 0 to 90.")] int GraceDays,
    bool RevokeOnRefund);

public sealed record MembershipSettingsView(int GraceDays, bool RevokeOnRefund);

public enum WebhookEventState { Received, Processed, Failed }

public sealed record WebhookEventView(
    string Id, string EventId, string Type, string? ObjectId, bool LiveMode, DateTimeOffset ReceivedAt, WebhookEventState State,
    int Attempts, bool DeadLettered, string? Error, DateTimeOffset? ProcessedAt);

public sealed record WebhookEventDetail(WebhookEventView Event, string RawBody);
