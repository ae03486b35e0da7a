using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// A domain event stored in the same transaction as the change that raised it, so a crash between
/// the commit and the handlers loses nothing: the outbox processor delivers it later.
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    public required string Id { get; init; }
    public string TenantId { get; set; } = "";
    public required string Type { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Which dispatcher run claimed the message: a batch is claimed with one conditional update, then read back by this token.</summary>
    public string? ClaimToken { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
