using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// A domain event stored in the same transaction as the change that raised it, so a crash between
/// the commit and the handlers loses nothing: the outbox processor delivers it later.
/// Pending: neither processed nor dead-lettered. Claimed: <see cref="ClaimToken"/> set and <see cref="LockedUntil"/> ahead.
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    public required string Id { get; init; }
    public string TenantId { get; set; } = "";
    public required string Type { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>When the server stored it (OccurredAt may be the storefront's time): delivery order and backlog age use this.</summary>
    public DateTimeOffset StoredAt { get; init; }

    /// <summary>"" for an event about no aggregate; otherwise its events are handled strictly by <see cref="Sequence"/>.</summary>
    public string AggregateId { get; init; } = "";
    public long Sequence { get; init; }
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>The end of the current claim's lease, or of the backoff before the next attempt.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Which dispatcher run holds the message: only that run may renew the lease or mark it done.</summary>
    public string? ClaimToken { get; set; }

    /// <summary>How many times the message was claimed for delivery.</summary>
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>Set when the last allowed attempt failed; the message then waits for a replay from the console.</summary>
    public DateTimeOffset? DeadLetteredAt { get; set; }
}
