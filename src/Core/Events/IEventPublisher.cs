using CommunitySaaS.Core.Persistence;

namespace CommunitySaaS.Core.Events;

/// <summary>The one seam through which features announce what happened.</summary>
public interface IEventPublisher
{
    /// <summary>Adds the event to the unit of work; it is stored by the caller's SaveChanges and delivered after commit.</summary>
    void Publish(DomainEvent domainEvent);
}

internal sealed class OutboxEventPublisher(AppDbContext db, EventSerializer serializer, TimeProvider time) : IEventPublisher
{
    public void Publish(DomainEvent domainEvent)
    {
        if (domainEvent.AggregateId.Length > 0 && domainEvent.Sequence < 1)
        {
            throw new InvalidOperationException($"Event {domainEvent.Type} names aggregate '{domainEvent.AggregateId}' but no sequence (1, 2, 3, ...).");
        }
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = domainEvent.EventId,
            TenantId = domainEvent.TenantId,
            Type = serializer.NameOf(domainEvent),
            Payload = serializer.Serialize(domainEvent),
            OccurredAt = domainEvent.OccurredAt,
            StoredAt = time.GetUtcNow(),
            AggregateId = domainEvent.AggregateId,
            Sequence = domainEvent.Sequence,
        });
    }
}
