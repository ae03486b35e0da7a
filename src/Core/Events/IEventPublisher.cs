using System.Text.Json;
using CommunitySaaS.Core.Persistence;

namespace CommunitySaaS.Core.Events;

/// <summary>The one seam through which features announce what happened.</summary>
public interface IEventPublisher
{
    /// <summary>Adds the event to the unit of work; it is stored by the caller's SaveChanges and delivered after commit.</summary>
    void Publish(DomainEvent domainEvent);
}

internal sealed class OutboxEventPublisher(AppDbContext db) : IEventPublisher
{
    public void Publish(DomainEvent domainEvent)
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = domainEvent.EventId,
            TenantId = domainEvent.TenantId,
            Type = domainEvent.Type,
            Payload = JsonSerializer.Serialize(domainEvent, EventJson.Options),
            OccurredAt = domainEvent.OccurredAt,
        });
    }
}
