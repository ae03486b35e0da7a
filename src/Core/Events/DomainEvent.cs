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

    public abstract string Type { get; }
}
