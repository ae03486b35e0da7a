using System.Collections.Concurrent;
using System.Reflection;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// Delivers stored events to their handlers, a tenant's batch at a time. The batch is claimed with one
/// conditional update (only unprocessed, unclaimed rows take this run's token), so two nodes or a replayed
/// run never deliver the same message at once; a message is marked processed only after every handler
/// succeeded, and a failure is retried with backoff.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 500;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);
    private static readonly ConcurrentDictionary<Type, MethodInfo> Invokers = new();
    private static readonly MethodInfo InvokeMethod =
        typeof(OutboxDispatcher).GetMethod(nameof(InvokeHandlersAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Processes one batch of pending messages; returns how many were delivered.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken ct)
    {
        List<(string Id, string TenantId)> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = time.GetUtcNow();
            pending = (await db.OutboxMessages.IgnoreQueryFilters([AppDbContext.TenantFilter])
                    .Where(m => m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                    .OrderBy(m => m.Id).Take(BatchSize)
                    .Select(m => new { m.Id, m.TenantId }).ToListAsync(ct))
                .Select(m => (m.Id, m.TenantId)).ToList();
        }

        var delivered = 0;
        foreach (var group in pending.GroupBy(m => m.TenantId))
        {
            TenantInfo? tenant;
            await using (var scope = scopes.CreateAsyncScope())
            {
                tenant = await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdAsync(group.Key, ct);
            }
            if (tenant is not { IsActive: true }) continue;
            delivered += await DeliverAsync(tenant, group.Select(m => m.Id).ToList(), ct);
        }
        return delivered;
    }

    private async Task<int> DeliverAsync(TenantInfo tenant, List<string> ids, CancellationToken ct)
    {
        await using var scope = tenantScopes.CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var token = Guid.NewGuid().ToString("N");
        var claimed = await db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + ClaimFor).SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (claimed == 0) return 0;

        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(ct);
        var done = new List<string>(messages.Count);
        foreach (var message in messages)
        {
            try
            {
                var domainEvent = EventJson.Deserialize(message.Payload);
                var invoker = Invokers.GetOrAdd(domainEvent.GetType(), t => InvokeMethod.MakeGenericMethod(t));
                await (Task)invoker.Invoke(null, [scope.ServiceProvider, domainEvent, ct])!;
                done.Add(message.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Handling event {EventId} ({Type}) failed; it will be retried", message.Id, message.Type);
                var retryAt = time.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, message.Attempts)));
                var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimToken == token)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, retryAt).SetProperty(m => m.LastError, error), CancellationToken.None);
            }
        }
        if (done.Count > 0)
        {
            var processedAt = time.GetUtcNow();
            await db.OutboxMessages.Where(m => done.Contains(m.Id) && m.ClaimToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, processedAt).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        }
        return done.Count;
    }

    private static async Task InvokeHandlersAsync<TEvent>(IServiceProvider services, TEvent domainEvent, CancellationToken ct)
        where TEvent : DomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync(domainEvent, ct);
        }
    }
}
