using System.Diagnostics;
using System.Globalization;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tenants;
using Microsoft.Extensions.DependencyInjection;
using CommunitySaaS.Bench.Shared;

namespace CommunitySaaS.Bench.Outbox;

/// <summary>
/// Outbox delivery: events handled per second (a no-op handler, and one that writes a row) on SQLite and
/// PostgreSQL with one node and two; then the oldest pending age under a sustained publish rate on one node.
/// </summary>
public static class OutboxBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchArgs.Int(args, "--events", 5_000);
        var rate = BenchArgs.Int(args, "--rate", 200);
        var seconds = BenchArgs.Int(args, "--seconds", 10);
        var providers = (BenchArgs.Text(args, "--providers") ?? "sqlite,postgres").Split(',').Select(p => Enum.Parse<DatabaseProvider>(p, ignoreCase: true)).ToList();
        Console.WriteLine($"{"provider",-10} {"handler",-8} {"nodes",5} {"events",8} {"events/s",10}");
        foreach (var provider in providers)
        {
            foreach (var writeRow in new[] { false, true })
            {
                foreach (var nodes in new[] { 1, 2 })
                {
                    var perSecond = await ThroughputAsync(new OutboxBenchNodes(provider, writeRow), nodes, events);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider,-10} {(writeRow ? "row" : "no-op"),-8} {nodes,5} {events,8} {perSecond,10:F0}"));
                }
            }
            var maxAge = await SustainedAsync(new OutboxBenchNodes(provider, writeRow: true), rate, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: {rate}/s for {seconds} s, one node, row handler: oldest pending age at most {maxAge:F2} s"));
        }
        return 0;
    }

    private static async Task<double> ThroughputAsync(OutboxBenchNodes factory, int nodeCount, int events)
    {
        var nodes = Enumerable.Range(0, nodeCount).Select(_ => factory.Node()).ToList();
        await OutboxBenchNodes.MigrateAsync(nodes[0]);
        var tenant = await CreateTenantAsync(nodes[0]);
        for (var done = 0; done < events; done += 1000) await PublishAsync(nodes[0], tenant, Math.Min(1000, events - done));
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(nodes.Select(DrainAsync));
        var elapsed = watch.Elapsed.TotalSeconds;
        foreach (var node in nodes) await node.DisposeAsync();
        return events / elapsed;
    }

    private static async Task<double> SustainedAsync(OutboxBenchNodes factory, int rate, int seconds)
    {
        await using var node = factory.Node();
        await OutboxBenchNodes.MigrateAsync(node);
        var tenant = await CreateTenantAsync(node);
        using var stop = new CancellationTokenSource();
        var dispatcher = node.GetRequiredService<OutboxDispatcher>();
        var worker = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await dispatcher.ProcessPendingAsync(CancellationToken.None) == 0) await Task.Delay(20);
            }
        });
        var maxAge = 0.0;
        var watch = Stopwatch.StartNew();
        var published = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            var due = (int)(watch.Elapsed.TotalSeconds * rate) - published;
            if (due > 0)
            {
                await PublishAsync(node, tenant, due);
                published += due;
            }
            await using (var scope = node.CreateAsyncScope())
            {
                maxAge = Math.Max(maxAge, (await scope.ServiceProvider.GetRequiredService<OutboxBacklog>().MeasureAsync(CancellationToken.None)).OldestPendingAgeSeconds);
            }
            await Task.Delay(100);
        }
        await stop.CancelAsync();
        await worker;
        return maxAge;
    }

    private static async Task DrainAsync(IServiceProvider node)
    {
        var dispatcher = node.GetRequiredService<OutboxDispatcher>();
        while (true)
        {
            if (await dispatcher.ProcessPendingAsync(CancellationToken.None) > 0) continue;
            if (!await OutboxBenchQueries.AnyPendingAsync(node)) return;
            await Task.Delay(10);
        }
    }

    /// <summary>Events of aggregates of five, as orders raise them, published in one unit of work.</summary>
    private static async Task PublishAsync(IServiceProvider node, TenantInfo tenant, int count)
    {
        await using var scope = node.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var publisher = scope.ServiceProvider.GetRequiredService<IEventPublisher>();
        var aggregate = Guid.NewGuid().ToString("N")[..12];
        for (var i = 0; i < count; i++)
        {
            publisher.Publish(new MemberActivity("mem_1", "checkin", null)
            {
                TenantId = tenant.Id, OccurredAt = DateTimeOffset.UtcNow, AggregateId = $"agg_{aggregate}_{i / 5}", Sequence = i % 5 + 1,
            });
        }
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    private static async Task<TenantInfo> CreateTenantAsync(IServiceProvider node)
    {
        await using var scope = node.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new CreateTenant($"b{Guid.NewGuid():N}"[..12], "Bench", "USD", "UTC"));
        var t = created.Value!.Tenant;
        return new TenantInfo(t.Id, t.Slug, t.Name, t.Currency, t.TimeZone, t.ReturnWindowDays, t.Status);
    }
}
