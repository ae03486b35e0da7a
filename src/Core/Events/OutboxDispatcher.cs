using System.Collections.Concurrent;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// Delivers stored events to their handlers: exactly once in effect (each handler's effects commit with its
/// inbox row, see <see cref="HandlerRun"/>), at least once as delivery, in order per aggregate, on any number
/// of nodes. One claim is worked message by message while a heartbeat keeps its lease; a failure backs off
/// and, after <see cref="OutboxOptions.MaxAttempts"/> (at once for an <see cref="IPermanentEventFailure"/>), dead-letters the message. Nothing a handler throws
/// escapes: only cancellation of the caller's own token stops a run.
/// </summary>
public sealed class OutboxDispatcher
{
    private readonly IServiceScopeFactory _scopes;
    private readonly EventSerializer _serializer;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly OutboxClaims _claims;
    private readonly HandlerRun _run;
    private readonly ConcurrentDictionary<Type, EventHandlers> _handlers = new();

    public OutboxDispatcher(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, EventSerializer serializer, OutboxOptions options,
        TimeProvider time, ILogger<OutboxDispatcher> logger)
    {
        (_scopes, _serializer, _options, _time, _logger) = (scopes, serializer, options, time, logger);
        _claims = new OutboxClaims(scopes, time, options);
        _run = new HandlerRun(tenantScopes, time, options);
    }

    /// <summary>Claims and works one batch; returns how many messages it finished (every handler committed).</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken ct)
    {
        var (token, messages) = await _claims.ClaimAsync(ct);
        if (messages.Count == 0) return 0;
        var tenants = await TenantsAsync(messages.Select(m => m.TenantId).Distinct().ToList(), ct);
        var receipts = await _claims.ReceiptsAsync(messages.Select(m => m.Id).ToList(), ct);
        var delivered = 0;
        await using (new ClaimHeartbeat(_claims, token, _options.Lease, _time, _logger))
        {
            try
            {
                await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Concurrency), CancellationToken = ct },
                    async (message, cancel) =>
                    {
                        if (await DeliverAsync(tenants[message.TenantId], message, token, receipts[message.Id], cancel)) Interlocked.Increment(ref delivered);
                    });
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await _claims.ReleaseAsync(token);
                throw;
            }
        }
        return delivered;
    }

    private async Task<bool> DeliverAsync(TenantInfo tenant, OutboxMessage message, string token, IEnumerable<string> receipts, CancellationToken ct)
    {
        if (message.Attempts > _options.MaxAttempts)
        {
            // Claimed more often than allowed without an outcome ever recorded: its deliveries kill the process.
            await FailAsync(message, token, "Delivery never completed; the process stopped while handling it.", permanent: true);
            return false;
        }
        DomainEvent domainEvent;
        try
        {
            domainEvent = _serializer.Deserialize(message.Payload);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            await FailAsync(message, token, $"The payload cannot be read: {ex.Message}", permanent: true);
            return false;
        }

        var handlers = _handlers.GetOrAdd(domainEvent.GetType(), EventHandlers.Create);
        var remaining = await RemainingAsync(tenant, handlers, receipts);
        // The last handler's unit of work marks the message processed; when it was skipped (or none was left), one update does.
        var marked = false;
        for (var i = 0; i < remaining.Count; i++)
        {
            var started = _time.GetTimestamp();
            var result = await _run.RunAsync(tenant, message, token, handlers, remaining[i], domainEvent, i == remaining.Count - 1, ct);
            OutboxMetrics.RecordAttempt(remaining[i], result.Outcome.ToString().ToLowerInvariant(), _time.GetElapsedTime(started));
            switch (result.Outcome)
            {
                case HandlerOutcome.Failed:
                    _logger.LogError(result.Error, "Handler {Handler} failed on event {EventId} ({Type}), attempt {Attempt}",
                        remaining[i], message.Id, message.Type, message.Attempts);
                    await FailAsync(message, token, $"{remaining[i]}: {result.Error!.GetType().Name}: {result.Error.Message}", IsPermanent(result.Error));
                    return false;
                case HandlerOutcome.LostClaim or HandlerOutcome.Duplicate:
                    _logger.LogWarning("Event {EventId} was taken over by another node; this node's delivery was rolled back", message.Id);
                    return false;
            }
            marked = result.Outcome == HandlerOutcome.Handled;
        }
        if (!marked && !await _claims.FinishAsync(tenant, message.Id, token, ct)) return false;
        OutboxMetrics.RecordDelivered();
        return true;
    }

    /// <summary>The handlers with no receipt yet: after a partial failure, only the ones that did not commit run again.</summary>
    private async Task<List<string>> RemainingAsync(TenantInfo tenant, EventHandlers handlers, IEnumerable<string> receipts)
    {
        var names = handlers.KnownNames;
        if (names is null)
        {
            await using var scope = _scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant);
            names = handlers.Names(scope.ServiceProvider);
        }
        return names.Except(receipts).ToList();
    }

    private static bool IsPermanent(Exception? error) =>
        error is not null && (error is IPermanentEventFailure || IsPermanent(error.InnerException)
            || (error is AggregateException aggregate && aggregate.InnerExceptions.Any(IsPermanent)));

    private async Task FailAsync(OutboxMessage message, string token, string error, bool permanent)
    {
        if (!await _claims.FailAsync(message, token, error, permanent)) return;
        OutboxMetrics.RecordDeadLetter(message.Type);
        _logger.LogError("Event {EventId} ({Type}) is dead-lettered after {Attempts} attempts: {Error}", message.Id, message.Type, message.Attempts, error);
    }

    private async Task<Dictionary<string, TenantInfo>> TenantsAsync(List<string> ids, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.AsNoTracking()
            .Where(t => ids.Contains(t.Id)).ToListAsync(ct)).ToDictionary(t => t.Id, t => t.ToInfo());
    }
}
