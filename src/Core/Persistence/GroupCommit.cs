using System.Threading.Channels;
using CommunitySaaS.Core.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Core.Persistence;

/// <summary>The natural key of a unit's order (the storefront's order id in its tenant): two units with one key are duplicates.</summary>
public readonly record struct GroupCommitKey(string TenantId, string OrderExternalId);

/// <summary>
/// Group commit for insert-only units of work (an order with its lines and its event). Concurrent requests
/// hand their new rows to one writer, which commits everything waiting in a single transaction: one
/// commit (one fsync) for many requests. Each caller is answered only after its rows are durably
/// committed, so a 2xx still means stored. The queue is bounded, so a flood waits at the door (back-pressure)
/// instead of growing memory without limit. Duplicates (an order already committed, or twice in one batch) are
/// answered before the commit, so a retry storm does not fail the batch; a batch that still fails on a unique
/// key is retried unit by unit, so one duplicate never fails its neighbours. Several writers may drain the queue at
/// once (<see cref="DatabaseOptions.EffectiveGroupCommitWriters"/>); twins that land in two writers' batches are still
/// told apart by the unique index, whose refusal sends that batch down the unit-by-unit path.
/// </summary>
public sealed class GroupCommit(IServiceScopeFactory scopes, ILogger<GroupCommit> logger, int writers = 1) : IAsyncDisposable
{
    private const int MaxBatch = 256;

    /// <summary>Units waiting beyond one batch in flight and a few more queued; a caller past that waits to enqueue.</summary>
    public const int QueueCapacity = 4 * MaxBatch;

    private readonly Channel<Unit> _queue = Channel.CreateBounded<Unit>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = writers == 1, FullMode = BoundedChannelFullMode.Wait });
    private readonly Lock _startLock = new();
    private Task? _writers;

    /// <summary>
    /// Commits the rows <paramref name="db"/> has added (and only added: this is for inserts) together with
    /// other callers' rows. Returns false when this unit is a duplicate of <paramref name="key"/> or a unique
    /// index refused it, e.g. its natural key exists.
    /// </summary>
    public async Task<bool> SaveAsync(AppDbContext db, CancellationToken ct, GroupCommitKey? key = null)
    {
        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.State is not (EntityState.Added or EntityState.Unchanged)))
        {
            throw new InvalidOperationException("Group commit takes inserts only.");
        }
        TenantModel.GuardWrites(db.ChangeTracker, db.CurrentTenantId);
        var unit = new Unit(entries.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList(), db.CurrentTenantId!, key);
        db.ChangeTracker.Clear();
        EnsureWriter();
        await _queue.Writer.WriteAsync(unit, ct);
        return await unit.Done.Task;
    }

    private void EnsureWriter()
    {
        if (_writers is not null) return;
        lock (_startLock)
        {
            _writers ??= Task.WhenAll(Enumerable.Range(0, Math.Max(1, writers)).Select(_ => Task.Run(WriteLoopAsync)));
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Unit>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit)) batch.Add(unit);
            if (batch.Count == 0) continue;
            PersistenceMetrics.GroupCommitBatchSize.Record(batch.Count);
            List<Unit> fresh;
            try
            {
                fresh = await WithoutDuplicatesAsync(batch);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Checking a group commit of {Count} units for duplicates failed", batch.Count);
                foreach (var unit in batch) unit.Done.TrySetException(ex);
                continue;
            }
            if (fresh.Count == 0) continue;
            try
            {
                await CommitAsync(fresh);
                foreach (var unit in fresh) unit.Done.TrySetResult(true);
            }
            catch (DbUpdateException) when (fresh.Count > 1)
            {
                foreach (var unit in fresh) await CommitAloneAsync(unit);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                fresh[0].Done.TrySetResult(false);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A group commit of {Count} units failed", fresh.Count);
                foreach (var unit in fresh) unit.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// Answers false at once for a unit whose order is already stored; a unit whose key appears twice in the batch
    /// waits for its first twin's outcome, then answers false (its caller replays the twin's result).
    /// </summary>
    private async Task<List<Unit>> WithoutDuplicatesAsync(List<Unit> batch)
    {
        var keyed = batch.Where(u => u.Key is not null).ToList();
        if (keyed.Count == 0) return batch;
        var committed = await CommittedAsync(keyed.Select(u => u.Key!.Value).Distinct().ToList());
        var firsts = new Dictionary<GroupCommitKey, Unit>();
        var fresh = new List<Unit>(batch.Count);
        foreach (var unit in batch)
        {
            if (unit.Key is not { } key)
            {
                fresh.Add(unit);
            }
            else if (committed.Contains(key))
            {
                unit.Done.TrySetResult(false);
            }
            else if (firsts.TryGetValue(key, out var first))
            {
                _ = FollowAsync(first, unit);
            }
            else
            {
                firsts[key] = unit;
                fresh.Add(unit);
            }
        }
        return fresh;
    }

    private static async Task FollowAsync(Unit first, Unit twin)
    {
        try
        {
            await first.Done.Task;
            twin.Done.TrySetResult(false);
        }
        catch (Exception ex)
        {
            twin.Done.TrySetException(ex);
        }
    }

    private async Task<HashSet<GroupCommitKey>> CommittedAsync(IReadOnlyList<GroupCommitKey> keys)
    {
        await using var scope = scopes.CreateAsyncScope();
        return (await Committed(scope.ServiceProvider.GetRequiredService<AppDbContext>(), keys).ToListAsync()).ToHashSet();
    }

    /// <summary>
    /// The stored orders among <paramref name="keys"/>. The writer has no tenant of its own: it reads across the batch's
    /// tenants and matches both halves of the key. Both halves go into the query so it seeks the (TenantId, ExternalId)
    /// index; on the external id alone it scanned every order at every batch, so ingest slowed as the table grew.
    /// </summary>
    internal static IQueryable<GroupCommitKey> Committed(AppDbContext db, IReadOnlyList<GroupCommitKey> keys)
    {
        var tenantIds = keys.Select(k => k.TenantId).Distinct().ToList();
        var externalIds = keys.Select(k => k.OrderExternalId).Distinct().ToList();
        return db.Orders.IgnoreQueryFilters().AsNoTracking().Where(o => tenantIds.Contains(o.TenantId) && externalIds.Contains(o.ExternalId))
            .Select(o => new GroupCommitKey(o.TenantId, o.ExternalId));
    }

    private async Task CommitAloneAsync(Unit unit)
    {
        try
        {
            await CommitAsync([unit]);
            unit.Done.TrySetResult(true);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            unit.Done.TrySetResult(false);
        }
        catch (Exception ex)
        {
            unit.Done.TrySetException(ex);
        }
    }

    private async Task CommitAsync(IReadOnlyList<Unit> units)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.BatchTenants = units.Select(u => u.TenantId).ToHashSet();
        foreach (var unit in units) db.AddRange(unit.Entities);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writers is not null) await _writers;
    }

    private sealed record Unit(IReadOnlyList<object> Entities, string TenantId, GroupCommitKey? Key)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
