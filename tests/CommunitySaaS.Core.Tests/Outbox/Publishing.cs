using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Tests.Outbox;

internal static class Publishing
{
    /// <summary>Publishes events through the real publisher in one unit of work, as a feature's service would.</summary>
    public static async Task<List<string>> PublishAsync(this IServiceProvider node, TenantInfo tenant, params (string Activity, string Aggregate, long Sequence)[] events)
    {
        await using var scope = node.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var publisher = scope.ServiceProvider.GetRequiredService<IEventPublisher>();
        var now = node.GetRequiredService<TimeProvider>().GetUtcNow();
        var ids = new List<string>();
        foreach (var (activity, aggregate, sequence) in events)
        {
            var e = new MemberActivity("mem_1", activity, null) { TenantId = tenant.Id, OccurredAt = now, AggregateId = aggregate, Sequence = sequence };
            publisher.Publish(e);
            ids.Add(e.EventId);
        }
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return ids;
    }

    public static async Task<string> PublishOneAsync(this IServiceProvider node, TenantInfo tenant, string activity = "ok") =>
        (await node.PublishAsync(tenant, (activity, "", 0)))[0];

    public static Task<int> DispatchAsync(this IServiceProvider node) =>
        node.GetRequiredService<OutboxDispatcher>().ProcessPendingAsync(CancellationToken.None);

    /// <summary>Dispatches until a round delivers nothing; returns the total delivered.</summary>
    public static async Task<int> DrainAsync(this IServiceProvider node)
    {
        var total = 0;
        for (var round = 0; round < 1000; round++)
        {
            var delivered = await node.DispatchAsync();
            if (delivered == 0) return total;
            total += delivered;
        }
        throw new InvalidOperationException("The outbox never drained.");
    }
}
