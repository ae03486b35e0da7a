using System.Text.Json;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Stripe;
using CommunitySaaS.Core.Tiers;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Memberships;

/// <summary>
/// Handles a stored Stripe event. The event only says which subscription to look at: its state is read from Stripe's
/// API (<see cref="MembershipSync"/>), so duplicates, delays and any order of arrival end in the same membership. What
/// only the event knows is recorded once by its natural key: a paid invoice (once per invoice id), a full refund.
/// </summary>
public sealed class StripeEventProcessor(
    AppDbContext db, StripeClients clients, MembershipSync sync, PaidGrants grants, IEventPublisher events, TimeProvider time)
    : IDomainEventHandler<StripeEventReceived>
{
    public static readonly IReadOnlySet<string> HandledTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "checkout.session.completed", "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
        "invoice.paid", "invoice.payment_failed", "charge.refunded",
    };

    public async Task HandleAsync(StripeEventReceived received, CancellationToken ct)
    {
        if (!HandledTypes.Contains(received.StripeType)) return;
        var stored = await db.Set<StripeWebhookEvent>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == received.WebhookEventId, ct);
        if (stored is null) return;
        using var document = JsonDocument.Parse(stored.RawBody);
        var data = document.RootElement.GetProperty("data").GetProperty("object");
        var trigger = $"stripe:{stored.EventId}";

        var subscriptionId = received.StripeType switch
        {
            "checkout.session.completed" => Text(data, "mode") == "subscription" ? IdOf(data, "subscription") : null,
            "invoice.paid" or "invoice.payment_failed" => InvoiceSubscription(data),
            "charge.refunded" => await RefundAsync(data, ct),
            _ => Text(data, "id"),
        };
        if (subscriptionId is null) return;

        var stripe = await clients.ForCurrentTenantAsync(ct)
            ?? throw new InvalidOperationException("Stripe is not set up for this brand: the subscription cannot be read.");
        var membership = await sync.SyncAsync(stripe, subscriptionId, trigger, ct);
        if (membership is null) return;
        if (received.StripeType == "invoice.paid") await RecordPaymentAsync(data, membership, ct);
        await grants.RecomputeAsync(membership.MemberId, trigger, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task RecordPaymentAsync(JsonElement invoice, Membership membership, CancellationToken ct)
    {
        var invoiceId = Text(invoice, "id");
        if (invoiceId is null) return;
        var paidAt = invoice.TryGetProperty("status_transitions", out var transitions) && transitions.ValueKind == JsonValueKind.Object
            && transitions.TryGetProperty("paid_at", out var at) && at.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeSeconds(at.GetInt64()) : time.GetUtcNow();
        var payment = new MembershipPayment
        {
            InvoiceId = invoiceId, TenantId = membership.TenantId, SubscriptionId = membership.SubscriptionId, MemberId = membership.MemberId,
            ChargeId = IdOf(invoice, "charge"), PaymentIntentId = IdOf(invoice, "payment_intent"),
            AmountMinor = invoice.TryGetProperty("amount_paid", out var amount) && amount.ValueKind == JsonValueKind.Number ? amount.GetInt64() : 0,
            Currency = (Text(invoice, "currency") ?? "").ToUpperInvariant(), PaidAt = paidAt,
        };
        if (await MembershipSql.InsertPaymentAsync(db, payment, ct) != 1) return;
        var sequence = await TierSql.NextMemberSequenceAsync(db, membership.TenantId, membership.MemberId, ct);
        events.Publish(new MembershipPaid(membership.MemberId, membership.Id, membership.SubscriptionId, invoiceId, membership.TierCode,
            membership.Period?.ToString().ToLowerInvariant(), payment.Currency, payment.AmountMinor, paidAt)
        {
            TenantId = membership.TenantId, OccurredAt = time.GetUtcNow(), AggregateId = membership.MemberId, Sequence = sequence,
        });
    }

    /// <summary>
    /// A full refund of a membership payment: recorded, and when the brand says so the membership is revoked (it then
    /// grants nothing, whatever Stripe's status). A partial refund changes nothing here.
    /// </summary>
    private async Task<string?> RefundAsync(JsonElement charge, CancellationToken ct)
    {
        if (!charge.TryGetProperty("refunded", out var refunded) || refunded.ValueKind != JsonValueKind.True) return null;
        var chargeId = Text(charge, "id");
        var intent = IdOf(charge, "payment_intent");
        var invoice = IdOf(charge, "invoice");
        var payment = await db.Set<MembershipPayment>().AsNoTracking().FirstOrDefaultAsync(p =>
            (chargeId != null && p.ChargeId == chargeId) || (intent != null && p.PaymentIntentId == intent) || (invoice != null && p.InvoiceId == invoice), ct);
        if (payment is null) return null;
        var now = time.GetUtcNow();
        await db.Set<MembershipPayment>().Where(p => p.InvoiceId == payment.InvoiceId && p.RefundedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RefundedAt, now), ct);
        var settings = await db.Set<MembershipSettings>().AsNoTracking().FirstOrDefaultAsync(ct) ?? MembershipSettings.Default;
        if (!settings.RevokeOnRefund) return null;
        await db.Set<Membership>().Where(m => m.SubscriptionId == payment.SubscriptionId && m.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RevokedAt, now), ct);
        return payment.SubscriptionId;
    }

    /// <summary>Where the invoice names its subscription: top level in older API versions, under <c>parent</c> since 2025-03.</summary>
    private static string? InvoiceSubscription(JsonElement invoice) =>
        IdOf(invoice, "subscription")
        ?? (invoice.TryGetProperty("parent", out var parent) && parent.ValueKind == JsonValueKind.Object
            && parent.TryGetProperty("subscription_details", out var details) && details.ValueKind == JsonValueKind.Object
                ? IdOf(details, "subscription") : null);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An id field, which Stripe sends as a string or, when expanded, as an object with an id.</summary>
    private static string? IdOf(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => Text(value, "id"),
            _ => null,
        };
}
