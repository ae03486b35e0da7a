using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// Removes processed messages and their inbox rows once past the retention period, a chunk per short
/// transaction so the tables are never locked for long. Pending and dead-lettered messages are never purged;
/// a redelivery of a purged event cannot happen, since only pending messages are ever delivered.
/// </summary>
public sealed class OutboxPurger(AppDbContext db, OutboxOptions options, TimeProvider time)
{
    /// <summary>Purges everything processed before the retention cutoff; returns how many messages went.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.RetentionDays);
        var messages = db.OutboxMessages.IgnoreQueryFilters([AppDbContext.TenantFilter]);
        var inbox = db.InboxRecords.IgnoreQueryFilters([AppDbContext.TenantFilter]);
        var purged = 0;
        while (!ct.IsCancellationRequested)
        {
            var chunk = await messages.Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff)
                .OrderBy(m => m.ProcessedAt).Select(m => m.Id).Take(options.PurgeChunk).ToListAsync(ct);
            if (chunk.Count == 0) break;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await inbox.Where(i => chunk.Contains(i.EventId)).ExecuteDeleteAsync(ct);
            purged += await messages.Where(m => chunk.Contains(m.Id) && m.ProcessedAt != null).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return purged;
    }
}
