using System.Text.Json.Nodes;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Infrastructure;

/// <summary>The order events a tenant's writes stored in the outbox, read straight from the database.</summary>
public static class OrderOutbox
{
    public sealed record StoredEvent(string Type, string AggregateId, long Sequence, JsonNode Payload);

    public static async Task<IReadOnlyList<StoredEvent>> EventsAsync(this TestHost host, string tenantId, string? type = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.TenantId == tenantId && (type == null || m.Type == type)).ToListAsync();
        return rows.Select(r =>
        {
            var payload = JsonNode.Parse(r.Payload)!;
            return new StoredEvent(r.Type, payload["aggregateId"]!.GetValue<string>(), payload["sequence"]!.GetValue<long>(), payload);
        }).ToList();
    }
}
