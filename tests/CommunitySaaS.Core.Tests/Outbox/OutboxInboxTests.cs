using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunitySaaS.Core.Tests.Outbox;

/// <summary>Exactly once in effect: receipts per (event, handler), committed with the effects, fenced by the claim.</summary>
public abstract class OutboxInboxTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : OutboxDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private HandlerScript First { get; } = new();
    private readonly HandlerScript _second = new();

    public Task InitializeAsync() => database.IsolateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private ServiceProvider Node(TimeProvider? time = null) => database.Node(time ?? _time, s => s
        .AddSingleton(First).AddSingleton(new SecondScript(_second))
        .AddScoped<IDomainEventHandler<MemberActivity>, EffectHandler>()
        .AddScoped<IDomainEventHandler<MemberActivity>, SecondEffectHandler>());

    [Fact]
    public async Task Dispatch_RunsOnlyTheHandlerThatFailed_WhenTheMessageIsRetried()
    {
        _second.Before = (_, call, _) => call == 1 ? throw new InvalidOperationException("second is down") : Task.CompletedTask;
        await using var node = Node();
        var tenant = await database.AddTenantAsync();
        var id = await node.PublishOneAsync(tenant);

        (await node.DispatchAsync()).ShouldBe(0);
        _time.Advance(TimeSpan.FromMinutes(1));
        (await node.DispatchAsync()).ShouldBe(1);

        First.CallsFor(id).ShouldBe(1);
        _second.CallsFor(id).ShouldBe(2);
        var effects = await database.EffectsAsync(id);
        effects.Count(e => e.StartsWith("a|", StringComparison.Ordinal)).ShouldBe(1);
        effects.Count(e => e.StartsWith("b|", StringComparison.Ordinal)).ShouldBe(1);
        await using var db = database.Open(tenant);
        (await db.InboxRecords.CountAsync(i => i.EventId == id)).ShouldBe(2);
    }

    [Fact]
    public async Task Dispatch_RunsNoHandlerAgain_WhenAProcessedMessageComesBack()
    {
        await using var node = Node();
        var tenant = await database.AddTenantAsync();
        var id = await node.PublishOneAsync(tenant);
        (await node.DispatchAsync()).ShouldBe(1);
        await using (var db = database.Open(tenant))
        {
            // As if the done mark were lost: the receipts alone must keep the effects from repeating.
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null));
        }

        (await node.DispatchAsync()).ShouldBe(1);

        First.CallsFor(id).ShouldBe(1);
        _second.CallsFor(id).ShouldBe(1);
        (await database.EffectsAsync(id)).Count.ShouldBe(2);
        (await database.MessageAsync(id)).ProcessedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Inbox_RefusesASecondReceipt_ForTheSameEventAndHandler()
    {
        var tenant = await database.AddTenantAsync();
        await using (var db = database.Open(tenant))
        {
            db.InboxRecords.Add(new InboxRecord { EventId = "evt_x", Handler = "h", HandledAt = _time.GetUtcNow() });
            await db.SaveChangesAsync();
        }
        await using var again = database.Open(tenant);
        again.InboxRecords.Add(new InboxRecord { EventId = "evt_x", Handler = "h", HandledAt = _time.GetUtcNow() });

        var refused = await Should.ThrowAsync<DbUpdateException>(() => again.SaveChangesAsync());
        DbErrors.IsUniqueViolation(refused).ShouldBeTrue();
    }
}

public sealed class OutboxInboxTestsOnSqlite(SqliteOutboxDatabase database) : OutboxInboxTests<SqliteOutboxDatabase>(database);

public sealed class OutboxInboxTestsOnPostgres(PostgresOutboxDatabase database) : OutboxInboxTests<PostgresOutboxDatabase>(database);

/// <summary>
/// PostgreSQL only: on SQLite a handler's transaction holds the database's one write lock, so no other node can
/// take a claim while a handler runs; the takeover this proves safe cannot happen there.
/// </summary>
public sealed class OutboxTakeoverTestsOnPostgres(PostgresOutboxDatabase database) : IClassFixture<PostgresOutboxDatabase>
{
    private readonly PostgresOutboxDatabase _database = database;
    private readonly HandlerScript _first = new();

    private ServiceProvider Node() => _database.Node(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero)),
        s => s.AddSingleton(_first).AddScoped<IDomainEventHandler<MemberActivity>, EffectHandler>());

    [Fact]
    public async Task Dispatch_CommitsNothing_WhenItsClaimWasTakenOverWhileHandling()
    {
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        _first.Before = async (_, call, _) =>
        {
            if (call > 1) return;
            started.TrySetResult();
            await release.Task;
        };
        await using var node = Node();
        await _database.IsolateAsync();
        var tenant = await _database.AddTenantAsync();
        var id = await node.PublishOneAsync(tenant);

        var run = node.DispatchAsync();
        await started.Task;
        await using (var db = _database.Open(tenant))
        {
            // Another node took the message after this one's lease ran out.
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, "another-node"));
        }
        release.SetResult();

        (await run).ShouldBe(0);
        (await _database.EffectsAsync(id)).ShouldBeEmpty();
        var message = await _database.MessageAsync(id);
        message.ProcessedAt.ShouldBeNull();
        message.ClaimToken.ShouldBe("another-node");
        await using var check = _database.Open(tenant);
        (await check.InboxRecords.CountAsync(i => i.EventId == id)).ShouldBe(0);
    }
}
