using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// The outbox's state changes, each one conditional statement so any number of nodes can run at once:
/// claim, renew, release, fail, dead-letter, finish. Only the claim's token holder can change a claimed row.
/// </summary>
internal sealed class OutboxClaims(IServiceScopeFactory scopes, TimeProvider time, OutboxOptions options)
{
    /// <summary>
    /// Claims up to a batch of eligible messages in one statement and returns them. Eligible: pending, not
    /// leased or backing off, of an active brand, and the first unprocessed event of its aggregate (an earlier
    /// event still pending or dead-lettered holds the later ones back).
    /// </summary>
    public async Task<(string Token, List<OutboxMessage> Messages)> ClaimAsync(CancellationToken ct)
    {
        // A node that lost the race for the same oldest rows tries once more: those rows are now leased, so it
        // takes the next ones rather than idling until the next poll.
        var claim = await ClaimOnceAsync(ct);
        return claim.Messages.Count > 0 ? claim : await ClaimOnceAsync(ct);
    }

    private async Task<(string Token, List<OutboxMessage> Messages)> ClaimOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var token = Guid.NewGuid().ToString("N");
        var all = db.OutboxMessages.IgnoreQueryFilters([AppDbContext.TenantFilter]);
        var claimed = db.Database.IsNpgsql()
            ? await PostgresClaim.ExecuteAsync(db, token, now, now + options.Lease, options.BatchSize, ct)
            : await PortableClaimAsync(db, all, token, now, ct);
        if (claimed == 0) return (token, []);
        var messages = await all.AsNoTracking().Where(m => m.ClaimToken == token).OrderBy(m => m.StoredAt).ThenBy(m => m.Id).ToListAsync(ct);
        return (token, messages);
    }

    private Task<int> PortableClaimAsync(AppDbContext db, IQueryable<OutboxMessage> all, string token, DateTimeOffset now, CancellationToken ct)
    {
        var eligible = EligibleIds(db, now, options.BatchSize);
        // The outer conditions are checked again on the row itself, so of two nodes racing for the same rows
        // each row goes to exactly one of them.
        return all
            .Where(m => eligible.Contains(m.Id) && m.ProcessedAt == null && m.DeadLetteredAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.LockedUntil, now + options.Lease)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
    }

    /// <summary>
    /// The ids the portable claim takes, oldest first. p.AggregateId != "" is redundant but lets the database prove
    /// the partial aggregate-position index applies; without it the check scanned every message of the brand, so a
    /// backlog made each claim hold SQLite's one writer for seconds.
    /// </summary>
    internal static IQueryable<string> EligibleIds(AppDbContext db, DateTimeOffset now, int batchSize)
    {
        var all = db.OutboxMessages.IgnoreQueryFilters([AppDbContext.TenantFilter]);
        return all
            .Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .Where(m => db.Tenants.Any(t => t.Id == m.TenantId && t.Status == TenantStatus.Active))
            .Where(m => m.AggregateId == "" || !all.Any(p => p.TenantId == m.TenantId && p.AggregateId == m.AggregateId
                && p.AggregateId != "" && p.Sequence < m.Sequence && p.ProcessedAt == null))
            .OrderBy(m => m.StoredAt).ThenBy(m => m.Id).Take(batchSize).Select(m => m.Id);
    }

    /// <summary>The receipts already committed for these messages: a retried message runs only the handlers without one.</summary>
    public async Task<ILookup<string, string>> ReceiptsAsync(List<string> eventIds, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().InboxRecords.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(i => eventIds.Contains(i.EventId)).Select(i => new { i.EventId, i.Handler }).ToListAsync(ct))
            .ToLookup(i => i.EventId, i => i.Handler);
    }

    /// <summary>Extends the lease of every message this claim still holds; returns how many it holds.</summary>
    public async Task<int> RenewAsync(string token, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var until = time.GetUtcNow() + options.Lease;
        return await Held(scope, token).ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until), ct);
    }

    /// <summary>Gives back what this claim did not finish (on shutdown), so another node takes it at once.</summary>
    public async Task ReleaseAsync(string token)
    {
        await using var scope = scopes.CreateAsyncScope();
        await Held(scope, token).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.Attempts, m => m.Attempts - 1));
    }

    /// <summary>Marks a message with no handler left to run as processed, if this claim still holds it.</summary>
    public async Task<bool> FinishAsync(TenantInfo tenant, string id, string token, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant);
        var now = time.GetUtcNow();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages
            .Where(m => m.Id == id && m.ClaimToken == token && m.ProcessedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now).SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, (string?)null), ct) == 1;
    }

    /// <summary>
    /// Records a failed attempt: back off before the next one, or dead-letter after the last allowed one or a permanent failure.
    /// Returns true when this call dead-lettered the message.
    /// </summary>
    public async Task<bool> FailAsync(OutboxMessage message, string token, string error, bool permanent)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = time.GetUtcNow();
        var dead = permanent || message.Attempts >= options.MaxAttempts;
        var retryAt = now + options.BackoffAfter(message.Attempts);
        error = error.Length > OutboxLimits.MaxErrorLength ? error[..OutboxLimits.MaxErrorLength] : error;
        var updated = await Held(scope, token).Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LockedUntil, dead ? null : (DateTimeOffset?)retryAt)
            .SetProperty(m => m.DeadLetteredAt, dead ? (DateTimeOffset?)now : null));
        return dead && updated == 1;
    }

    private static IQueryable<OutboxMessage> Held(AsyncServiceScope scope, string token) =>
        scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(m => m.ClaimToken == token && m.ProcessedAt == null && m.DeadLetteredAt == null);
}
