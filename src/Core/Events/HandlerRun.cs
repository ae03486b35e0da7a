using System.Data.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Events;

internal enum HandlerOutcome { Handled, Skipped, Failed, LostClaim, Duplicate }

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
        // A failed unit is rolled back whole, never resumed after a failed SaveChanges, so the savepoint EF would set
        // before each of the handler's saves is a round trip that buys nothing.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            var instance = handlers.Find(scope.ServiceProvider, handler);
            if (instance is IConditionalEventHandler conditional && !await conditional.HasWorkAsync(domainEvent, ct)) return new HandlerResult(HandlerOutcome.Skipped);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await handlers.InvokeAsync(instance, domainEvent, ct);
            var now = time.GetUtcNow();
            db.InboxRecords.Add(new InboxRecord { EventId = message.Id, Handler = handler, HandledAt = now });
            var fence = Fence(db, tenant, message, claimToken, last, now);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException ex) when (ex.Entries.Any(e => e.Entity == fence))
            {
                return new HandlerResult(HandlerOutcome.LostClaim);
            }
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
    /// Saved with the inbox row, in the same statement batch: an update of the message guarded by the claim token
    /// (a concurrency token), so only the claim's holder may renew or finish it. The update also locks the row
    /// until commit, so another node cannot take the message between this check and the commit.
    /// </summary>
    private OutboxMessage Fence(AppDbContext db, TenantInfo tenant, OutboxMessage message, string token, bool last, DateTimeOffset now)
    {
        var fence = new OutboxMessage { Id = message.Id, TenantId = tenant.Id, Type = message.Type, Payload = "", ClaimToken = token };
        var entry = db.OutboxMessages.Attach(fence);
        if (last)
        {
            fence.ProcessedAt = now;
            fence.ClaimToken = null;
            entry.Property(m => m.LockedUntil).IsModified = true;
            entry.Property(m => m.LastError).IsModified = true;
        }
        else
        {
            fence.LockedUntil = now + options.Lease;
        }
        return fence;
    }
}
