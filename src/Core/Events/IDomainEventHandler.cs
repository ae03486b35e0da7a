namespace CommunitySaaS.Core.Events;

/// <summary>
/// Reacts to one kind of domain event. Runs in a scope whose tenant is the event's. Delivery is at
/// least once, so a handler must make its effect idempotent (key it by <see cref="DomainEvent.EventId"/>).
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : DomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}
