using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Audit;

/// <summary>
/// One change in a brand's audit log: who (actor), what (action), on what (target), the before/after of the
/// properties it changed, and where from (request id, client address). Append-only: the app never updates or
/// deletes one (the save guard and database triggers refuse it).
/// </summary>
public sealed class AuditEvent : ITenantOwned
{
    public string Id { get; init; } = Ids.New("aud");
    public string TenantId { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public string ActorType { get; set; } = "";
    public string ActorId { get; set; } = "";
    public string? ActorName { get; set; }
    public required string Action { get; init; }
    public required string TargetType { get; init; }
    public required string TargetId { get; init; }
    /// <summary>JSON: <c>{ "property": { "before": …, "after": … } }</c> for entity changes, or the named action's details.</summary>
    public string? Changes { get; init; }
    public string? RequestId { get; set; }
    public string? IpAddress { get; set; }
}
