using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Events;

public sealed record DeadLetterView(
    string EventId, string Type, string AggregateId, long Sequence, int Attempts, string? LastError, DateTimeOffset OccurredAt, DateTimeOffset DeadLetteredAt);

/// <summary>
/// The current brand's dead letters, and their replay: a replayed message is pending again with a fresh
/// attempt budget, and the aggregate's later events, held back behind it, follow once it is handled.
/// </summary>
public sealed class DeadLetterService(AppDbContext db, OutboxSignal signal)
{
    public async Task<Page<DeadLetterView>> ListAsync(int limit = PageRequest.DefaultLimit, string? after = null, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, PageRequest.MaxLimit);
        var query = db.OutboxMessages.AsNoTracking().Where(m => m.DeadLetteredAt != null && m.ProcessedAt == null);
        if (after is not null) query = query.Where(m => string.Compare(m.Id, after) < 0);
        var rows = await query.OrderByDescending(m => m.Id).Take(limit + 1)
            .Select(m => new DeadLetterView(m.Id, m.Type, m.AggregateId, m.Sequence, m.Attempts, m.LastError, m.OccurredAt, m.DeadLetteredAt!.Value))
            .ToListAsync(ct);
        return PageRequest.ToPage(rows, limit, d => d.EventId);
    }

    public Task<int> CountAsync(CancellationToken ct = default) =>
        db.OutboxMessages.CountAsync(m => m.DeadLetteredAt != null && m.ProcessedAt == null, ct);

    /// <summary>Makes a dead letter pending again; a conditional update, so two operators replaying at once replay it once.</summary>
    public async Task<ServiceResult<string>> ReplayAsync(string eventId, CancellationToken ct = default)
    {
        var replayed = await db.OutboxMessages.Where(m => m.Id == eventId && m.DeadLetteredAt != null && m.ProcessedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DeadLetteredAt, (DateTimeOffset?)null).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.ClaimToken, (string?)null), ct);
        if (replayed == 0) return ServiceResult<string>.NotFound($"No dead-lettered event with id '{eventId}'.");
        signal.Notify();
        return ServiceResult<string>.Ok(eventId);
    }
}
