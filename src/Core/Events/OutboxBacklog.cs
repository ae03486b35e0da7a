using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Events;

public sealed record OutboxBacklogSnapshot(long Pending, double OldestPendingAgeSeconds, long DeadLettered)
{
    public static readonly OutboxBacklogSnapshot Empty = new(0, 0, 0);
}

/// <summary>
/// How far behind delivery is, over active brands only: a suspended brand's events wait on purpose and must
/// not make the platform look unhealthy. Dead letters are counted apart; they never age the backlog.
/// </summary>
public sealed class OutboxBacklog(AppDbContext db, TimeProvider time)
{
    public async Task<OutboxBacklogSnapshot> MeasureAsync(CancellationToken ct)
    {
        var active = db.Tenants.Where(t => t.Status == TenantStatus.Active).Select(t => t.Id);
        var messages = db.OutboxMessages.IgnoreQueryFilters([AppDbContext.TenantFilter]).Where(m => m.ProcessedAt == null && active.Contains(m.TenantId));
        var pending = messages.Where(m => m.DeadLetteredAt == null);
        var count = await pending.LongCountAsync(ct);
        var oldest = count == 0 ? (DateTimeOffset?)null
            : await pending.OrderBy(m => m.StoredAt).Select(m => (DateTimeOffset?)m.StoredAt).FirstOrDefaultAsync(ct);
        var dead = await messages.LongCountAsync(m => m.DeadLetteredAt != null, ct);
        var age = oldest is null ? 0 : Math.Max(0, (time.GetUtcNow() - oldest.Value).TotalSeconds);
        return new OutboxBacklogSnapshot(count, age, dead);
    }
}
