using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// The one writer of points entries. Each write runs in the caller's transaction (a handler's) or its own, and its
/// first statement is a conditional UPDATE of the member's <see cref="PointsAccount"/>: on PostgreSQL and SQL Server
/// that takes the row lock until commit, so a member's writers queue and every read after it (what is left of each
/// lot, whether a key is taken) is current; SQLite admits one writer at a time anyway.
/// </summary>
public sealed partial class PointsLedger(AppDbContext db, ITenantContext tenant, IEventPublisher events, TimeProvider time) : IPointsLedger
{
    public async Task<PointsBalance> GetBalanceAsync(string memberId, CancellationToken ct = default)
    {
        var account = await db.PointsAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.MemberId == memberId, ct);
        return account?.ToBalance() ?? new PointsBalance(0, 0, 0, 0, 0);
    }

    /// <summary>
    /// Locks the member (only if at least <paramref name="requireAvailable"/> points are available, when given), asks
    /// <paramref name="plan"/> what to write, then writes the entries, the account's new totals and the events together.
    /// </summary>
    internal async Task<LedgerWrite> WriteAsync(
        string memberId, long? requireAvailable, Func<PointsAccount, CancellationToken, Task<LedgerPlan>> plan, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (!await LockAsync(memberId, requireAvailable, ct))
            {
                var refused = await db.PointsAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.MemberId == memberId, ct);
                if (own is not null) await own.CommitAsync(ct);
                return new LedgerWrite(false, refused, [], refused?.ToBalance() ?? new PointsBalance(0, 0, 0, 0, 0));
            }

            var before = await db.PointsAccounts.AsNoTracking().SingleAsync(a => a.MemberId == memberId, ct);
            var planned = await plan(before, ct);
            var after = await ApplyAsync(before, planned, ct);
            if (own is not null) await own.CommitAsync(ct);
            return new LedgerWrite(true, before, planned.Entries, after);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>The time entries are stamped with: planners set <see cref="PointsEntry.CreatedAt"/> from it.</summary>
    internal DateTimeOffset Now => time.GetUtcNow();

    private async Task<bool> LockAsync(string memberId, long? requireAvailable, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var accounts = db.PointsAccounts.Where(a => a.MemberId == memberId);
            if (requireAvailable is { } need) accounts = accounts.Where(a => a.Available >= need);
            if (await accounts.ExecuteUpdateAsync(s => s.SetProperty(a => a.Sequence, a => a.Sequence), ct) == 1) return true;
            if (attempt == 0)
            {
                // Missing row, or one a concurrent first writer created after our update looked: the insert does nothing
                // if it exists, and the second update then waits for that writer's lock instead of refusing the write.
                var tenantId = tenant.TenantId ?? throw new InvalidOperationException("A points write needs a tenant in context.");
                await PointsSql.EnsureAccountAsync(db, tenantId, memberId, ct);
                continue;
            }
            return false;
        }
        return false;
    }

    private async Task<PointsBalance> ApplyAsync(PointsAccount before, LedgerPlan planned, CancellationToken ct)
    {
        if (planned.Entries.Count == 0 && planned.Events.Count == 0) return before.ToBalance();
        var d = PointsTotals.Delta(planned.Entries);
        var sequences = (long)planned.Events.Count;
        await db.PointsAccounts.Where(a => a.MemberId == before.MemberId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Available, a => a.Available + d.Available)
            .SetProperty(a => a.Pending, a => a.Pending + d.Pending)
            .SetProperty(a => a.LifetimeEarned, a => a.LifetimeEarned + d.LifetimeEarned)
            .SetProperty(a => a.LifetimeRedeemed, a => a.LifetimeRedeemed + d.LifetimeRedeemed)
            .SetProperty(a => a.Expired, a => a.Expired + d.Expired)
            .SetProperty(a => a.Sequence, a => a.Sequence + sequences), ct);
        db.PointsEntries.AddRange(planned.Entries);
        for (var i = 0; i < planned.Events.Count; i++)
        {
            events.Publish(planned.Events[i](before.Sequence + i + 1));
        }
        await db.SaveChangesAsync(ct);
        return new PointsBalance(
            before.Available + d.Available, before.Pending + d.Pending, before.LifetimeEarned + d.LifetimeEarned,
            before.LifetimeRedeemed + d.LifetimeRedeemed, before.Expired + d.Expired);
    }
}
