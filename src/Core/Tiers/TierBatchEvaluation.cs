using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tiers;

public sealed record TierPassResult(long Evaluated, long Changed);

/// <summary>
/// Evaluates every member of the current brand at one instant, in keyset batches by member id, each batch in its own
/// short transaction: statistics and states are read per batch with grouped queries, never all members at once.
/// Safe to run again: a second pass over the same state writes nothing.
/// </summary>
public sealed class TierBatchEvaluation(AppDbContext db, TierEvaluator evaluator)
{
    public const int BatchSize = 500;

    public async Task<TierPassResult> RunAsync(DateTimeOffset asOf, string trigger, CancellationToken ct)
    {
        if (!await db.Set<TierDefinition>().AnyAsync(ct)) return new TierPassResult(0, 0);
        long evaluated = 0, changed = 0;
        string? after = null;
        while (true)
        {
            var members = db.Members.AsNoTracking();
            if (after is not null) members = members.Where(m => string.Compare(m.Id, after) > 0);
            var batch = await members.OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                changed += await evaluator.EvaluateAsync(batch, asOf, trigger, TierEvaluationMode.Full, ct);
                await tx.CommitAsync(ct);
            }
            db.ChangeTracker.Clear();
            evaluated += batch.Count;
            after = batch[^1];
        }
        return new TierPassResult(evaluated, changed);
    }
}
