using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tests.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunitySaaS.Core.Tests;

/// <summary>The defects of issue 8 (P4-P7), each as it was reproduced, on SQLite and PostgreSQL.</summary>
public abstract class OutboxDispatcherTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : OutboxDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly HandlerScript _script = new();

    private ServiceProvider Node(IDictionary<string, string?>? outbox = null, TimeProvider? time = null) =>
        database.Node(time ?? _time, s => s.AddSingleton(_script).AddScoped<IDomainEventHandler<MemberActivity>, EffectHandler>(), outbox);

    public Task InitializeAsync() => database.IsolateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Dispatch_RetriesAFailedHandlerAfterBackoff_AndDeliversOnce()
    {
        _script.Before = (_, call, _) => call == 1 ? throw new InvalidOperationException("downstream unavailable") : Task.CompletedTask;
        await using var node = Node();
        var tenant = await database.AddTenantAsync();
        var id = await node.PublishOneAsync(tenant);

        (await node.DispatchAsync()).ShouldBe(0);
        (await node.DispatchAsync()).ShouldBe(0);
        _script.CallsFor(id).ShouldBe(1);

        _time.Advance(TimeSpan.FromSeconds(6));
        (await node.DispatchAsync()).ShouldBe(1);
        (await node.DispatchAsync()).ShouldBe(0);

        (await database.EffectsAsync(id)).Count.ShouldBe(1);
        var message = await database.MessageAsync(id);
        message.ProcessedAt.ShouldNotBeNull();
        message.Attempts.ShouldBe(2);
        message.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task Dispatch_RunsAForwardingHandlerFirst_SoAFailingHandlerRegisteredBeforeItDelaysNothing()
    {
        _script.Before = (_, _, _) => throw new InvalidOperationException("ledger down");
        var forwarded = new ForwardedEvents();
        await using var node = database.Node(_time, s => s.AddSingleton(_script).AddScoped<IDomainEventHandler<MemberActivity>, EffectHandler>()
            .AddSingleton(forwarded).AddScoped<IDomainEventHandler<MemberActivity>, ForwardingHandler>());
        var tenant = await database.AddTenantAsync();
        var id = await node.PublishOneAsync(tenant);

        (await node.DispatchAsync()).ShouldBe(0);

        forwarded.Ids.ShouldBe([id]);
        _script.CallsFor(id).ShouldBe(1);
        (await database.MessageAsync(id)).ProcessedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Dispatch_HoldsEvents_OfASuspendedTenant()
    {
        await using var node = Node();
        var tenant = await database.AddTenantAsync(TenantStatus.Suspended);
        var id = await node.PublishOneAsync(tenant);

        await node.DrainAsync();

        _script.CallsFor(id).ShouldBe(0);
        (await database.MessageAsync(id)).Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task Dispatch_DeliversActiveBrandsEvents_WhenASuspendedBrandHasAnOlderBacklogThanABatch()
    {
        // P4: the oldest batch across tenants was all the suspended brand's, skipped after the query, every time.
        await using var node = Node(new Dictionary<string, string?> { ["BatchSize"] = "5" });
        var suspended = await database.AddTenantAsync();
        for (var i = 0; i < 12; i++) await node.PublishOneAsync(suspended);
        await using (var db = database.Open(null))
        {
            await db.Tenants.Where(t => t.Id == suspended.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TenantStatus.Suspended));
        }
        _time.Advance(TimeSpan.FromSeconds(1));
        var active = await database.AddTenantAsync();
        var id = await node.PublishOneAsync(active);

        (await node.DispatchAsync()).ShouldBe(1);

        (await database.EffectsAsync(id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_CommitsNothingOfAFailedHandler_WhenTheNextMessageSucceeds()
    {
        // P5: one scope and one DbContext served the whole batch, so the next handler's SaveChanges committed
        // the rows the failed handler had added before it threw.
        await using var node = database.Node(_time, s => s.AddScoped<IDomainEventHandler<MemberActivity>, WriteThenMaybeThrowHandler>());
        var tenant = await database.AddTenantAsync();
        var ids = await node.PublishAsync(tenant, ("fail", "", 0), ("ok", "", 0));

        (await node.DispatchAsync()).ShouldBe(1);

        await using var db = database.Open(tenant);
        (await db.Communities.Select(c => c.Name).ToListAsync()).ShouldBe([$"written|{ids[1]}"]);
        (await database.MessageAsync(ids[0])).LastError!.ShouldContain("half done");
        (await database.MessageAsync(ids[1])).ProcessedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Dispatch_DeliversOnce_WhenAHandlerOutlivesTheLease()
    {
        // P6: the 2-minute claim was never renewed, so a second node took a batch still being worked on.
        var lease = new Dictionary<string, string?> { ["LeaseSeconds"] = "1" };
        var slow = new TaskCompletionSource();
        _script.Before = (_, call, _) => call == 1 ? SlowAsync(slow) : Task.CompletedTask;
        await using var nodeA = Node(lease, TimeProvider.System);
        await using var nodeB = Node(lease, TimeProvider.System);
        var tenant = await database.AddTenantAsync();
        var id = await nodeA.PublishOneAsync(tenant);

        var first = nodeA.DispatchAsync();
        await slow.Task;
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var second = await nodeB.DispatchAsync();

        (await first).ShouldBe(1);
        second.ShouldBe(0);
        _script.CallsFor(id).ShouldBe(1);
        (await database.EffectsAsync(id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_RecordsAFailure_WhenAHandlerThrowsTaskCanceledOfItsOwn()
    {
        // P7: an HttpClient timeout (TaskCanceledException) passed the old filter and stopped the host.
        _script.Before = (_, _, _) => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.");
        await using var node = Node();
        var tenant = await database.AddTenantAsync();
        var id = await node.PublishOneAsync(tenant);

        (await node.DispatchAsync()).ShouldBe(0);

        var message = await database.MessageAsync(id);
        message.ProcessedAt.ShouldBeNull();
        message.Attempts.ShouldBe(1);
        message.LastError!.ShouldContain("TaskCanceledException");
        message.LockedUntil.ShouldBe(_time.GetUtcNow() + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Dispatch_StopsAndReleasesItsClaim_WhenItsOwnTokenIsCancelled()
    {
        using var stop = new CancellationTokenSource();
        _script.Before = async (_, _, ct) =>
        {
            await stop.CancelAsync();
            ct.ThrowIfCancellationRequested();
        };
        await using var node = Node();
        var tenant = await database.AddTenantAsync();
        var id = await node.PublishOneAsync(tenant);

        await Should.ThrowAsync<OperationCanceledException>(() => node.GetRequiredService<OutboxDispatcher>().ProcessPendingAsync(stop.Token));

        var message = await database.MessageAsync(id);
        message.ProcessedAt.ShouldBeNull();
        message.ClaimToken.ShouldBeNull();
        message.LockedUntil.ShouldBeNull();
        message.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task Processor_KeepsDelivering_AfterAHandlerThrowsTaskCanceled()
    {
        _script.Before = (e, _, _) => e.Activity == "timeout" ? throw new TaskCanceledException("HttpClient timeout") : Task.CompletedTask;
        await using var node = Node(new Dictionary<string, string?> { ["PollSeconds"] = "0.1" }, TimeProvider.System);
        var processor = new OutboxProcessor(node.GetRequiredService<OutboxDispatcher>(), node.GetRequiredService<OutboxSignal>(),
            node.GetRequiredService<OutboxOptions>(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxProcessor>.Instance);
        var tenant = await database.AddTenantAsync();
        await node.PublishOneAsync(tenant, "timeout");
        await processor.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(300);
            var later = await node.PublishOneAsync(tenant);
            for (var i = 0; i < 100 && (await database.EffectsAsync(later)).Count == 0; i++) await Task.Delay(100);

            (await database.EffectsAsync(later)).Count.ShouldBe(1);
            processor.ExecuteTask!.IsCompleted.ShouldBeFalse();
        }
        finally
        {
            await processor.StopAsync(CancellationToken.None);
        }
    }

    private static async Task SlowAsync(TaskCompletionSource started)
    {
        started.TrySetResult();
        await Task.Delay(TimeSpan.FromSeconds(4));
    }
}

public sealed class ForwardedEvents
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Ids { get; } = new();
}

/// <summary>Stands in for a webhook fan-out: it only passes the event on.</summary>
public sealed class ForwardingHandler(ForwardedEvents forwarded) : IDomainEventHandler<MemberActivity>, IForwardingEventHandler
{
    public Task HandleAsync(MemberActivity domainEvent, CancellationToken ct)
    {
        forwarded.Ids.Enqueue(domainEvent.EventId);
        return Task.CompletedTask;
    }
}

/// <summary>Adds its row, then throws for an event whose activity is "fail": the row must never be committed.</summary>
public sealed class WriteThenMaybeThrowHandler(Persistence.AppDbContext db) : IDomainEventHandler<MemberActivity>
{
    public async Task HandleAsync(MemberActivity domainEvent, CancellationToken ct)
    {
        db.Communities.Add(new Communities.Community { Name = $"written|{domainEvent.EventId}", CreatedAt = domainEvent.OccurredAt });
        if (domainEvent.Activity == "fail") throw new InvalidOperationException("half done");
        await db.SaveChangesAsync(ct);
    }
}

public sealed class OutboxDispatcherTestsOnSqlite(SqliteOutboxDatabase database) : OutboxDispatcherTests<SqliteOutboxDatabase>(database);

public sealed class OutboxDispatcherTestsOnPostgres(PostgresOutboxDatabase database) : OutboxDispatcherTests<PostgresOutboxDatabase>(database);
