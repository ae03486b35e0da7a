using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Idempotency;

public enum IdempotencyOutcome { Proceed, Replay, Mismatch, InFlight }

public sealed record IdempotencyBegin(IdempotencyOutcome Outcome, IdempotencyRecord? Record);

/// <summary>
/// Claims an idempotency key before a request runs and keeps its outcome for 24 hours. The unique
/// index on (scope, key) decides which of two racing requests runs; the other waits its turn as 409.
/// </summary>
public sealed class IdempotencyStore(AppDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>A claim older than this belongs to a request that died mid-way; it may be taken over.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    public async Task<IdempotencyBegin> BeginAsync(string scope, string key, string requestHash, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = time.GetUtcNow();
            var record = new IdempotencyRecord { Scope = scope, Key = key, RequestHash = requestHash, CreatedAt = now, ExpiresAt = now + Retention };
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return new IdempotencyBegin(IdempotencyOutcome.Proceed, record);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
            }

            var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
            if (existing is null) continue;
            var stale = existing.ExpiresAt < now || (!existing.Completed && existing.CreatedAt < now - AbandonedAfter);
            if (stale)
            {
                await db.IdempotencyRecords.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(ct);
                continue;
            }
            // While the first request runs its outcome is unknown, so any reuse of the key waits (409).
            if (!existing.Completed) return new IdempotencyBegin(IdempotencyOutcome.InFlight, existing);
            return new IdempotencyBegin(existing.RequestHash == requestHash ? IdempotencyOutcome.Replay : IdempotencyOutcome.Mismatch, existing);
        }
        return new IdempotencyBegin(IdempotencyOutcome.InFlight, null);
    }

    public Task CompleteAsync(IdempotencyRecord record, IdempotentResponse response, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.Id == record.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Completed, true)
            .SetProperty(r => r.StatusCode, response.StatusCode)
            .SetProperty(r => r.ContentType, response.ContentType)
            .SetProperty(r => r.ResponseBody, response.Body)
            .SetProperty(r => r.ResponseHeaders, response.HeadersJson()), ct);

    /// <summary>Releases the key after a failure the client should be able to retry (a 5xx or a crash in the handler).</summary>
    public Task AbandonAsync(IdempotencyRecord record) =>
        db.IdempotencyRecords.Where(r => r.Id == record.Id).ExecuteDeleteAsync(CancellationToken.None);

    public Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.IdempotencyRecords.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(ct);
    }
}
