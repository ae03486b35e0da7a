using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>
/// Turns one domain event into one pending delivery per enabled endpoint of the brand that subscribed to its type.
/// Runs in the outbox handler's transaction with its inbox row, so a redelivered event adds no second set of rows
/// (and the unique (endpoint, event) index would refuse one). The worker is woken when that transaction commits. The
/// body, with its REST resource as <c>data</c>, is built once per event and only when some endpoint wants it.
/// </summary>
internal sealed class WebhookFanOut<TEvent>(AppDbContext db, TimeProvider time, WebhookSignal signal, IWebhookData<TEvent> data)
    : IDomainEventHandler<TEvent>, IConditionalEventHandler, IForwardingEventHandler
    where TEvent : DomainEvent
{
    /// <summary>
    /// Most brands subscribe to few types or have no endpoint at all; for them the event needs no unit of work here. A
    /// substring match may say yes for a near name (the handler then finds nothing), never no for a subscriber.
    /// </summary>
    public Task<bool> HasWorkAsync(DomainEvent domainEvent, CancellationToken ct) =>
        db.WebhookEndpoints.AnyAsync(e => e.Enabled && (e.Events.Contains(domainEvent.Type) || e.Events.Contains(WebhookCatalogue.AllEvents)), ct);

    public async Task HandleAsync(TEvent domainEvent, CancellationToken ct)
    {
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).Select(e => new { e.Id, e.Events }).ToListAsync(ct);
        var now = time.GetUtcNow();
        string? body = null;
        foreach (var endpoint in endpoints)
        {
            if (!endpoint.Events.Split(' ').Any(e => e == WebhookCatalogue.AllEvents || e == domainEvent.Type)) continue;
            body ??= WebhookPayloads.Body(domainEvent.EventId, domainEvent.Type, domainEvent.OccurredAt, await data.DataAsync(domainEvent, ct));
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                EndpointId = endpoint.Id, EventId = domainEvent.EventId, EventType = domainEvent.Type, Payload = body,
                EventAt = domainEvent.OccurredAt, CreatedAt = now, NextAttemptAt = now,
            });
        }
        if (body is not null) db.AfterCommit(signal.Notify);
    }
}
