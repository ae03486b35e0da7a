using CommunitySaaS.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunitySaaS.Core.Tests.Outbox;

public abstract class OutboxPurgeTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : OutboxDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly HandlerScript _script = new();

    public Task InitializeAsync() => database.IsolateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Purge_RemovesProcessedMessagesAndTheirReceipts_OnlyPastRetention()
    {
        _script.Before = (e, _, _) => e.Activity == "fail" ? throw new InvalidOperationException("boom") : Task.CompletedTask;
        await using var node = database.Node(_time, s => s.AddSingleton(_script).AddScoped<IDomainEventHandler<MemberActivity>, EffectHandler>(),
            new Dictionary<string, string?> { ["RetentionDays"] = "7", ["PurgeChunk"] = "2", ["MaxAttempts"] = "1" });
        var tenant = await database.AddTenantAsync();
        var old = new List<string>();
        for (var i = 0; i < 5; i++) old.Add(await node.PublishOneAsync(tenant));
        var dead = await node.PublishOneAsync(tenant, "fail");
        await node.DrainAsync();
        _time.Advance(TimeSpan.FromDays(6));
        var recent = await node.PublishOneAsync(tenant);
        await node.DrainAsync();
        var pending = await node.PublishOneAsync(tenant);
        _time.Advance(TimeSpan.FromDays(1.5));

        await using var scope = node.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<OutboxPurger>().PurgeAsync(CancellationToken.None)).ShouldBe(5);

        await using var db = database.Open(tenant);
        (await db.OutboxMessages.Select(m => m.Id).ToListAsync()).ShouldBe([dead, recent, pending], ignoreOrder: true);
        (await db.InboxRecords.Select(i => i.EventId).ToListAsync()).ShouldBe([recent]);
    }
}

public sealed class OutboxPurgeTestsOnSqlite(SqliteOutboxDatabase database) : OutboxPurgeTests<SqliteOutboxDatabase>(database);

public sealed class OutboxPurgeTestsOnPostgres(PostgresOutboxDatabase database) : OutboxPurgeTests<PostgresOutboxDatabase>(database);
