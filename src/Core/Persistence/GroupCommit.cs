using System.Threading.Channels;
using CommunitySaaS.Core.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Core.Persistence;

/// <summary>
/// Group commit for insert-only units of work (an order with its lines and its event). Concurrent requests
/// hand their new rows to one writer, which commits everything waiting in a single transaction: one
/// commit (one fsync) for many requests. Each caller is answered only after its rows are durably
/// committed, so a 2xx still means stored. A batch that fails on a unique key (a replayed order racing
/// its twin) is retried unit by unit, so one duplicate never fails its neighbours.
/// </summary>
public sealed class GroupCommit(IServiceScopeFactory scopes, ILogger<GroupCommit> logger) : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _writer;

    /// <summary>
    /// Commits the rows <paramref name="db"/> has added (and only added: this is for inserts) together with
    /// other callers' rows. Returns false when a unique index refused this unit, e.g. its natural key exists.
    /// </summary>
    public async Task<bool> SaveAsync(AppDbContext db, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.State is not (EntityState.Added or EntityState.Unchanged)))
        {
            throw new InvalidOperationException("Group commit takes inserts only.");
        }
        TenantModel.GuardWrites(db.ChangeTracker, db.CurrentTenantId);
        var unit = new Unit(entries.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList(), db.CurrentTenantId!);
        db.ChangeTracker.Clear();
        EnsureWriter();
        await _queue.Writer.WriteAsync(unit, ct);
        return await unit.Done.Task;
    }

    private void EnsureWriter()
    {
        if (_writer is not null) return;
        lock (_startLock)
        {
            _writer ??= Task.Run(WriteLoopAsync);
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
            try
            {
                await CommitAsync(batch);
                foreach (var unit in batch) unit.Done.TrySetResult(true);
            }
            catch (DbUpdateException) when (batch.Count > 1)
            {
                foreach (var unit in batch) await CommitAloneAsync(unit);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                batch[0].Done.TrySetResult(false);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A group commit of {Count} units failed", batch.Count);
                foreach (var unit in batch) unit.Done.TrySetException(ex);
            }
        }
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
        if (_writer is not null) await _writer;
    }

    private sealed record Unit(IReadOnlyList<object> Entities, string TenantId)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
