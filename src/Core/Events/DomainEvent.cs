using System.Text.Json.Serialization;
using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// Something that happened in a tenant that other features react to (points, commission, tiers).
/// Every event has a stable id, so a handler can make its own effect happen once.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(OrderPaid), OrderPaid.TypeName)]
[JsonDerivedType(typeof(OrderFulfilled), OrderFulfilled.TypeName)]
[JsonDerivedType(typeof(OrderRefunded), OrderRefunded.TypeName)]
[JsonDerivedType(typeof(MemberActivity), MemberActivity.TypeName)]
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
