using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunitySaaS.Core.Persistence;

/// <summary>
/// Runs an <see cref="AppDbContext"/>'s <see cref="AppDbContext.AfterCommit"/> actions when its explicit transaction
/// commits, and drops them when it rolls back. Stateless: one instance serves every context.
/// </summary>
internal sealed class AfterCommitInterceptor : DbTransactionInterceptor
{
    public static readonly AfterCommitInterceptor Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => (eventData.Context as AppDbContext)?.RunAfterCommit();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.RunAfterCommit();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => (eventData.Context as AppDbContext)?.DropAfterCommit();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.DropAfterCommit();
        return Task.CompletedTask;
    }
}
