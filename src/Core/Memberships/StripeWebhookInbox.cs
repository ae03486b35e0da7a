using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Stripe;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using global::Stripe;

namespace CommunitySaaS.Core.Memberships;

public enum WebhookReceipt { Accepted, Duplicate, Rejected }

public sealed record WebhookResult(WebhookReceipt Receipt, string? Problem = null, string? EventId = null);

/// <summary>
/// The receiving end of a brand's Stripe webhook: the signature is verified on the raw body with the brand's signing
/// secret, then the event is stored once by its id together with the domain event that processes it, in one save.
/// Nothing else happens here, so Stripe gets its answer fast; a second delivery of the same id finds the unique key.
/// </summary>
public sealed class StripeWebhookInbox(
    AppDbContext db, ITenantContext tenant, StripeSecrets secrets, StripeOptions options, IEventPublisher events, TimeProvider time)
{
    public async Task<WebhookResult> ReceiveAsync(string rawBody, string? signature, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(signature)) return new WebhookResult(WebhookReceipt.Rejected, "The Stripe-Signature header is missing.");
        var settings = await db.Set<StripeSettings>().AsNoTracking().FirstOrDefaultAsync(ct);
        if (settings is null) return new WebhookResult(WebhookReceipt.Rejected, "Stripe is not set up for this brand: no signing secret to verify with.");

        Event stripeEvent;
        try
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            stripeEvent = EventUtility.ConstructEvent(rawBody, signature, secrets.Unprotect(settings.WebhookSecretCipher),
                options.WebhookToleranceSeconds, now, throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            return new WebhookResult(WebhookReceipt.Rejected, $"The Stripe-Signature does not verify: {ex.Message}");
        }
        catch (System.Text.Json.JsonException)
        {
            return new WebhookResult(WebhookReceipt.Rejected, "The body is not a Stripe event.");
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return new WebhookResult(WebhookReceipt.Rejected, "The body is not a Stripe event.");
        }
        if (string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type) || stripeEvent.Id.Length > MembershipLimits.MaxStripeIdLength)
            return new WebhookResult(WebhookReceipt.Rejected, "The event has no id or type.");

        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("A webhook needs a tenant in context.");
        if (await db.Set<StripeWebhookEvent>().AnyAsync(w => w.EventId == stripeEvent.Id, ct)) return new WebhookResult(WebhookReceipt.Duplicate, EventId: stripeEvent.Id);
        var received = time.GetUtcNow();
        var webhookId = Ids.New("swe");
        var domainEvent = new StripeEventReceived(webhookId, stripeEvent.Id, Clip(stripeEvent.Type, 100)) { TenantId = tenantId, OccurredAt = received };
        db.Add(new StripeWebhookEvent
        {
            Id = webhookId, EventId = stripeEvent.Id, Type = domainEvent.StripeType, ObjectId = ObjectIdOf(stripeEvent), LiveMode = stripeEvent.Livemode,
            RawBody = rawBody, ReceivedAt = received, TenantId = tenantId, OutboxEventId = domainEvent.EventId,
        });
        events.Publish(domainEvent);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return new WebhookResult(WebhookReceipt.Duplicate, EventId: stripeEvent.Id);
        }
        return new WebhookResult(WebhookReceipt.Accepted, EventId: stripeEvent.Id);
    }

    private static string? ObjectIdOf(Event stripeEvent) =>
        stripeEvent.Data?.Object is IHasId withId && withId.Id is { } id ? Clip(id, MembershipLimits.MaxStripeIdLength) : null;

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
