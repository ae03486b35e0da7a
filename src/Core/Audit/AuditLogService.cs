using System.Text.Json.Nodes;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Audit;

/// <summary>Reads the current brand's audit log, newest first; the REST list and the console page both use it.</summary>
public sealed class AuditLogService(AppDbContext db)
{
    public async Task<Page<AuditEventView>> ListAsync(AuditQuery query, PageRequest page, CancellationToken ct = default)
    {
        var rows = db.Set<AuditEvent>().AsNoTracking();
        if (Trimmed(query.Actor) is { } actor) rows = rows.Where(e => e.ActorId == actor || e.ActorName == actor);
        if (Trimmed(query.Action) is { } action)
        {
            var prefix = action + ".";
            rows = action.Contains('.', StringComparison.Ordinal) ? rows.Where(e => e.Action == action) : rows.Where(e => e.Action.StartsWith(prefix));
        }
        if (Trimmed(query.Target) is { } target) rows = rows.Where(e => e.TargetId == target || e.TargetType == target);
        if (query.From is { } from) rows = rows.Where(e => e.OccurredAt >= from);
        if (query.To is { } to) rows = rows.Where(e => e.OccurredAt < to);
        var fetched = await rows.Window(e => e.Id, page).ToListAsync(ct);
        return page.ToPage(fetched, e => e.Id).Map(ToView);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static AuditEventView ToView(AuditEvent e) => new(
        e.Id, e.OccurredAt, new AuditActorView(e.ActorType, e.ActorId, e.ActorName), e.Action, new AuditTargetView(e.TargetType, e.TargetId),
        e.Changes is null ? null : JsonNode.Parse(e.Changes) as JsonObject, e.RequestId, e.IpAddress);
}
