using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>
/// Builds the <c>data</c> of an event type's deliveries: the REST resource the event is about, in the REST API's shape
/// (decimal amounts, the same field names), so a storefront parses a webhook and a GET with one model. Each feature
/// owns the sources of its own events; the catalogue names which one serves which type.
/// </summary>
public interface IWebhookData<in TEvent> where TEvent : DomainEvent
{
    Task<object> DataAsync(TEvent domainEvent, CancellationToken ct);
}
