using System.Data.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Events;

internal enum HandlerOutcome { Handled, Failed, LostClaim, Duplicate }

internal sealed record HandlerResult(HandlerOutcome Outcome, Exception? Error = null);

/// <summary>
/// One handler on one event, as one unit of work: a fresh tenant scope, one transaction on its
/// <see cref="AppDbContext"/> holding the handler's effects (its own SaveChanges lands in it too), the inbox
/// row and the claim check. Commit is all of it or none: a handler that throws leaves nothing behind, a
/// node that lost its claim commits nothing, and a second delivery fails on the inbox key.
/// </summary>
internal sealed class HandlerRun(TenantScopeFactory tenantScopes, TimeProvider time, OutboxOptions options)
{
    public async Task<HandlerResult> RunAsync(TenantInfo tenant, OutboxMessage message, string claimToken, EventHandlers handlers, string handler,
        DomainEvent domainEvent, bool last, CancellationToken ct)
    {
        await using var scope = tenantScopes.CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await handlers.InvokeAsync(scope.ServiceProvider, handler, domainEvent, ct);
            var now = time.GetUtcNow();
            db.InboxRecords.Add(new InboxRecord { EventId = message.Id, Handler = handler, HandledAt = now });
            await db.SaveChangesAsync(ct);
            if (!await FenceAsync(db, message.Id, claimToken, last, now, ct)) return new HandlerResult(HandlerOutcome.LostClaim);
            await transaction.CommitAsync(ct);
            return new HandlerResult(HandlerOutcome.Handled);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Whatever the handler threw, TaskCanceledException from its own HttpClient timeout included: only
            // our own token's cancellation means "stop", anything else is this message's failure.
            return DbErrors.IsUniqueViolation(ex) && await HandledElsewhereAsync(db, message.Id, handler)
                ? new HandlerResult(HandlerOutcome.Duplicate)
                : new HandlerResult(HandlerOutcome.Failed, ex);
        }
    }

    /// <summary>After the rollback: did another delivery commit this handler's receipt first?</summary>
    private static async Task<bool> HandledElsewhereAsync(AppDbContext db, string eventId, string handler)
    {
        db.ChangeTracker.Clear();
        try
        {
            return await db.InboxRecords.AnyAsync(i => i.EventId == eventId && i.Handler == handler, CancellationToken.None);
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>
    /// Inside the transaction: only the claim's holder may renew or finish it. The update also locks the row
    /// until commit, so another node cannot take the message between this check and the commit.
    /// </summary>
    private async Task<bool> FenceAsync(AppDbContext db, string id, string token, bool last, DateTimeOffset now, CancellationToken ct)
    {
        var mine = db.OutboxMessages.Where(m => m.Id == id && m.ClaimToken == token && m.ProcessedAt == null);
        var updated = last
            ? await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now).SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, (string?)null), ct)
            : await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + options.Lease), ct);
        return updated == 1;
    }
}
