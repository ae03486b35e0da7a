using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>A brand's webhook endpoints and their delivery logs, for the REST API and the console alike.</summary>
public sealed class WebhookEndpointService(AppDbContext db, WebhookUrlGuard guard, WebhookOptions options, WebhookSignal signal, WebhookSecrets secrets, TimeProvider time)
{
    public static IReadOnlyList<WebhookEventTypeView> EventTypes { get; } = WebhookCatalogue.All.Select(e => new WebhookEventTypeView(e.Name, e.Description)).ToList();

    public async Task<ServiceResult<CreatedWebhookEndpoint>> CreateAsync(CreateWebhookEndpoint command, CancellationToken ct = default)
    {
        if (await RefusalAsync(command.Url, command.Events, ct) is { } refusal) return refusal.As<CreatedWebhookEndpoint>();
        var secret = WebhookSignature.NewSecret();
        var endpoint = new WebhookEndpoint
        {
            Url = command.Url.Trim(), Events = string.Join(' ', command.Events.Distinct()), Description = command.Description?.Trim(),
            Enabled = command.Enabled ?? true, Secret = secrets.Protect(secret), CreatedAt = time.GetUtcNow(),
        };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        return ServiceResult<CreatedWebhookEndpoint>.Created(new CreatedWebhookEndpoint(ToView(endpoint), secret));
    }

    public async Task<Page<WebhookEndpointView>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        var rows = await db.WebhookEndpoints.AsNoTracking().Window(e => e.Id, page).ToListAsync(ct);
        return page.ToPage(rows, e => e.Id).Map(ToView);
    }

    public async Task<ServiceResult<WebhookEndpointView>> GetAsync(string id, CancellationToken ct = default) =>
        await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } endpoint
            ? ServiceResult<WebhookEndpointView>.Ok(ToView(endpoint))
            : Missing<WebhookEndpointView>(id);

    public async Task<ServiceResult<WebhookEndpointView>> UpdateAsync(string id, UpdateWebhookEndpoint change, CancellationToken ct = default)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return Missing<WebhookEndpointView>(id);
        if (await RefusalAsync(change.Url, change.Events, ct) is { } refusal) return refusal;
        if (change.Url is not null) endpoint.Url = change.Url.Trim();
        if (change.Events is not null) endpoint.Events = string.Join(' ', change.Events.Distinct());
        if (change.Description is not null) endpoint.Description = change.Description.Trim();
        if (change.Enabled is { } enabled && enabled != endpoint.Enabled)
        {
            endpoint.Enabled = enabled;
            AuditNames.Name(endpoint, enabled ? "webhook_endpoint.enabled" : "webhook_endpoint.disabled");
            if (enabled)
            {
                // A fresh start: the failures that disabled it no longer count towards disabling it again.
                endpoint.DisabledForFailuresAt = null;
                endpoint.FailingSince = null;
            }
        }
        await db.SaveChangesAsync(ct);
        if (endpoint.Enabled) signal.Notify();
        return ServiceResult<WebhookEndpointView>.Ok(ToView(endpoint));
    }

    public async Task<ServiceResult<WebhookEndpointView>> DeleteAsync(string id, CancellationToken ct = default)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return Missing<WebhookEndpointView>(id);
        db.WebhookEndpoints.Remove(endpoint);
        await db.SaveChangesAsync(ct);
        return ServiceResult<WebhookEndpointView>.Ok(ToView(endpoint));
    }

    /// <summary>A new secret signs from now on; the old one signs alongside it until the overlap ends.</summary>
    public async Task<ServiceResult<RotatedWebhookSecret>> RotateSecretAsync(string id, RotateWebhookSecret command, CancellationToken ct = default)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return Missing<RotatedWebhookSecret>(id);
        var overlap = TimeSpan.FromHours(command.OverlapHours ?? options.RotationOverlapHours);
        var secret = WebhookSignature.NewSecret();
        endpoint.PreviousSecret = overlap > TimeSpan.Zero ? secrets.Seal(endpoint.Secret) : null;
        endpoint.PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? time.GetUtcNow() + overlap : null;
        endpoint.Secret = secrets.Protect(secret);
        AuditNames.Name(endpoint, "webhook_endpoint.secret_rotated");
        await db.SaveChangesAsync(ct);
        return ServiceResult<RotatedWebhookSecret>.Ok(new RotatedWebhookSecret(ToView(endpoint), secret, endpoint.PreviousSecretExpiresAt));
    }

    public async Task<ServiceResult<Page<WebhookDeliveryView>>> DeliveriesAsync(string id, PageRequest page, CancellationToken ct = default)
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == id, ct)) return Missing<Page<WebhookDeliveryView>>(id);
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id).Window(d => d.Id, page).ToListAsync(ct);
        return ServiceResult<Page<WebhookDeliveryView>>.Ok(page.ToPage(rows, d => d.Id).Map(ToView));
    }

    /// <summary>Sends a delivery again at once: a failed one from the start of a new retry period, a pending one without waiting out its backoff.</summary>
    public async Task<ServiceResult<WebhookDeliveryView>> RetryAsync(string id, string deliveryId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var updated = await db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.EndpointId == id && d.Status != WebhookDeliveryStatus.Delivered)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.NextAttemptAt, now), ct);
        var delivery = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == id, ct);
        if (delivery is null) return ServiceResult<WebhookDeliveryView>.NotFound($"No delivery '{deliveryId}' of webhook endpoint '{id}'.");
        if (updated == 0) return ServiceResult<WebhookDeliveryView>.Conflict($"Delivery '{deliveryId}' was delivered already.");
        db.Record("webhook_delivery.retried", "webhook_endpoint", id, new { deliveryId });
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return ServiceResult<WebhookDeliveryView>.Ok(ToView(delivery));
    }

    /// <summary>Queues a <c>ping</c> to the endpoint, delivered (and logged) like any event.</summary>
    public async Task<ServiceResult<WebhookDeliveryView>> TestAsync(string id, CancellationToken ct = default)
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == id, ct)) return Missing<WebhookDeliveryView>(id);
        var now = time.GetUtcNow();
        var eventId = Ids.New("evt");
        var delivery = new WebhookDelivery
        {
            EndpointId = id, EventId = eventId, EventType = WebhookCatalogue.Ping, EventAt = now, CreatedAt = now, NextAttemptAt = now,
            Payload = WebhookPayloads.Body(eventId, WebhookCatalogue.Ping, now, new WebhookPing(id, "Test event from CommunitySaaS.")),
        };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return ServiceResult<WebhookDeliveryView>.Created(ToView(delivery));
    }

    private async Task<ServiceResult<WebhookEndpointView>?> RefusalAsync(string? url, IReadOnlyList<string>? events, CancellationToken ct)
    {
        if (events?.FirstOrDefault(e => !WebhookCatalogue.IsKnown(e) || e == WebhookCatalogue.Ping) is { } unknown)
        {
            return ServiceResult<WebhookEndpointView>.Invalid("events", $"Unknown event type '{unknown}'; GET /webhook-event-types lists them, or use \"*\".");
        }
        return url is not null && await guard.RefusalAsync(url.Trim(), ct) is { } refused
            ? ServiceResult<WebhookEndpointView>.Invalid("url", refused)
            : null;
    }

    private static ServiceResult<T> Missing<T>(string id) => ServiceResult<T>.NotFound($"No webhook endpoint with id '{id}'.");

    private static WebhookEndpointView ToView(WebhookEndpoint e) =>
        new(e.Id, e.Url, e.EventList, e.Description, e.Enabled, e.DisabledForFailuresAt, e.FailingSince, e.PreviousSecretExpiresAt, e.CreatedAt);

    private static WebhookDeliveryView ToView(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.ResponseStatus, d.ResponseBody, d.LatencyMs, d.LastError, d.EventAt, d.CreatedAt,
            d.LastAttemptAt, d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt);
}
