using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// Something that happened in a tenant that other features react to (points, commission, tiers).
/// Every event has a stable id, so a handler can make its own effect happen once. Each concrete type is
/// registered by its own feature's setup (<see cref="DomainEventTypes.AddDomainEventType{TEvent}"/>), so no
/// shared list of types has to change when a feature adds one.
/// </summary>
public abstract record DomainEvent
{
    public string EventId { get; init; } = Ids.New("evt");
    public required string TenantId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The thing the event is about (an order id, a member id): handlers see one aggregate's events in order.</summary>
    public string AggregateId { get; init; } = "";

    /// <summary>1, 2, 3, ... per aggregate, assigned by the aggregate's owner in the transaction that raises the event.</summary>
    public long Sequence { get; init; }

    /// <summary>The payload's shape; raised when a field changes meaning, so handlers can read old events.</summary>
    public virtual int SchemaVersion => 1;

    public abstract string Type { get; }
}
