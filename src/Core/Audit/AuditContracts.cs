using System.Text.Json.Nodes;

namespace CommunitySaaS.Core.Audit;

/// <summary>
/// Filters of the audit log. <see cref="Actor"/> is an actor id (<c>key_…</c>, a user id, <c>job:…</c>) or a user's
/// email; <see cref="Action"/> an action (<c>api_key.revoked</c>) or a target type's every action (<c>api_key</c>);
/// <see cref="Target"/> a target id or a target type; <see cref="From"/> inclusive, <see cref="To"/> exclusive.
/// </summary>
public sealed record AuditQuery(string? Actor = null, string? Action = null, string? Target = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

public sealed record AuditActorView(string Type, string Id, string? Name);

public sealed record AuditTargetView(string Type, string Id);

public sealed record AuditEventView(
    string Id, DateTimeOffset OccurredAt, AuditActorView Actor, string Action, AuditTargetView Target,
    JsonObject? Changes, string? RequestId, string? IpAddress);
