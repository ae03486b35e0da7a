using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// One handler's receipt for one event, committed in the same transaction as that handler's effects. Its key
/// (event, handler) is unique, so a redelivered event can never commit the same handler's effects twice.
/// </summary>
public sealed class InboxRecord : ITenantOwned
{
    public required string EventId { get; init; }
    public required string Handler { get; init; }
    public string TenantId { get; set; } = "";
    public DateTimeOffset HandledAt { get; init; }
}
