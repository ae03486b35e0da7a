using System.Diagnostics;
using System.Globalization;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CommunitySaaS.Core.Tests.Outbox;

/// <summary>
/// Two nodes (separate service providers: own dispatchers, scopes and connections) on one PostgreSQL database
/// deliver a shuffled backlog of many aggregates' events while the handler sometimes throws and sometimes runs
/// past the lease. Every effect must be committed exactly once, in sequence per aggregate, and nothing lost.
/// <c>OUTBOX_STRESS_EVENTS</c> sets the size (10,000 by default, as in CI).
/// </summary>
public sealed class OutboxTwoNodeTests(PostgresOutboxDatabase database, ITestOutputHelper output) : IClassFixture<PostgresOutboxDatabase>
{
    private const int EventsPerAggregate = 5;

    [Fact]
    public async Task TwoNodes_CommitEveryEffectOnceAndInOrder_WhenHandlersFailAndOutliveTheLease()
    {
        var total = int.TryParse(Environment.GetEnvironmentVariable("OUTBOX_STRESS_EVENTS"), CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        var aggregates = Math.Max(1, total / EventsPerAggregate);
        var script = new HandlerScript { Before = Chaos };
        var settings = new Dictionary<string, string?>
        {
            ["LeaseSeconds"] = "1", ["BackoffSeconds"] = "0.05", ["MaxBackoffSeconds"] = "0.2", ["MaxAttempts"] = "50", ["BatchSize"] = "50",
        };
        await using var nodeA = database.Node(TimeProvider.System, s => s.AddSingleton(script).AddScoped<IDomainEventHandler<MemberActivity>, EffectHandler>(), settings);
        await using var nodeB = database.Node(TimeProvider.System, s => s.AddSingleton(script).AddScoped<IDomainEventHandler<MemberActivity>, EffectHandler>(), settings);
        await database.IsolateAsync();
        var tenant = await database.AddTenantAsync();
        await PublishShuffledAsync(nodeA, tenant, aggregates);
        await using (var analyze = database.Open(null))
        {
            // A production table has statistics (autovacuum); without them the claim's plan scans the burst quadratically.
            await analyze.Database.ExecuteSqlRawAsync("ANALYZE \"OutboxMessages\"");
        }

        var watch = Stopwatch.StartNew();
        // Only a guard against a hung run: generous, since a loaded 2-core machine is many times slower than an idle one.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60 + total * 0.05));
        await Task.WhenAll(RunNodeAsync(nodeA, tenant, stop), RunNodeAsync(nodeB, tenant, stop));
        output.WriteLine($"{aggregates * EventsPerAggregate:N0} events on two nodes in {watch.Elapsed.TotalSeconds:F1} s; {script.Calls.Count(c => !c.Key.Contains(':', StringComparison.Ordinal)):N0} events saw {script.Calls.Where(c => !c.Key.Contains(':', StringComparison.Ordinal)).Sum(c => c.Value):N0} handler calls");

        await using var db = database.Open(tenant);
        var messages = await db.OutboxMessages.AsNoTracking().Select(m => new { m.Id, m.ProcessedAt, m.DeadLetteredAt }).ToListAsync();
        messages.Count.ShouldBe(aggregates * EventsPerAggregate);
        messages.ShouldAllBe(m => m.ProcessedAt != null && m.DeadLetteredAt == null);
        var effects = (await db.Communities.Select(c => c.Name).ToListAsync()).Select(Effect.Parse).ToList();
        effects.GroupBy(e => e.EventId).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("no event's effect may be committed twice");
        effects.Select(e => e.EventId).ToHashSet().SetEquals(messages.Select(m => m.Id)).ShouldBeTrue("every event's effect must be committed");
        var outOfOrder = effects.GroupBy(e => e.Aggregate)
            .Where(g => !g.OrderBy(e => e.Ordinal).Select(e => e.Sequence).SequenceEqual(Enumerable.Range(1, EventsPerAggregate).Select(i => (long)i)))
            .Select(g => g.Key).ToList();
        outOfOrder.ShouldBeEmpty("each aggregate's events must be handled in sequence");
        (await db.InboxRecords.CountAsync()).ShouldBe(messages.Count);
        script.Calls.Where(c => !c.Key.Contains(':', StringComparison.Ordinal)).Sum(c => c.Value).ShouldBeGreaterThan(messages.Count, "the chaos must have caused retries");
    }

    /// <summary>About 1 event in 20 fails its first call; about 1 in 1,000 runs its first call past the 1 s lease.</summary>
    private static async Task Chaos(MemberActivity e, int call, CancellationToken ct)
    {
        if (call > 1) return;
        var roll = (uint)StringComparer.Ordinal.GetHashCode(e.EventId) % 1000;
        if (roll < 50) throw new InvalidOperationException("flaky downstream");
        if (roll < 51) await Task.Delay(TimeSpan.FromSeconds(1.6), ct);
    }

    private static async Task PublishShuffledAsync(IServiceProvider node, TenantInfo tenant, int aggregates)
    {
        var events = Enumerable.Range(0, aggregates)
            .SelectMany(a => Enumerable.Range(1, EventsPerAggregate).Select(s => ("ok", $"agg_{a}", (long)s)))
            .OrderBy(_ => Random.Shared.Next()).ToArray();
        foreach (var chunk in events.Chunk(1000)) await node.PublishAsync(tenant, chunk);
    }

    private static async Task RunNodeAsync(IServiceProvider node, TenantInfo tenant, CancellationTokenSource stop)
    {
        await Task.Yield();
        var dispatcher = node.GetRequiredService<OutboxDispatcher>();
        while (!stop.IsCancellationRequested)
        {
            if (await dispatcher.ProcessPendingAsync(stop.Token) > 0) continue;
            await using var scope = node.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
            if (!await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AnyAsync(m => m.ProcessedAt == null, stop.Token)) return;
            await Task.Delay(20, stop.Token);
        }
    }

    private sealed record Effect(string EventId, string Aggregate, long Sequence, long Ordinal)
    {
        public static Effect Parse(string name)
        {
            var p = name.Split('|');
            return new Effect(p[1], p[2], long.Parse(p[3], CultureInfo.InvariantCulture), long.Parse(p[4], CultureInfo.InvariantCulture));
        }
    }
}
