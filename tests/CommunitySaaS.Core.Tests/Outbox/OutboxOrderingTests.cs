using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunitySaaS.Core.Tests.Outbox;

/// <summary>
/// Per-aggregate order: event n+1 of an aggregate is handled only after event n is processed. A dead-lettered
/// event keeps blocking its aggregate's later events until it is replayed and handled; other aggregates go on.
/// </summary>
public abstract class OutboxOrderingTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : OutboxDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly HandlerScript _script = new();

    public Task InitializeAsync() => database.IsolateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private ServiceProvider Node(int maxAttempts = 10) => database.Node(_time,
        s => s.AddSingleton(_script).AddScoped<IDomainEventHandler<MemberActivity>, EffectHandler>(),
        new Dictionary<string, string?> { ["MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public async Task Dispatch_HandlesAnAggregatesEventsInSequence_WhenStoredOutOfOrder()
    {
        await using var node = Node();
        var tenant = await database.AddTenantAsync();
        foreach (var sequence in new long[] { 3, 1, 4, 2 })
        {
            await node.PublishAsync(tenant, ("ok", "ord_1", sequence));
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        (await node.DispatchAsync()).ShouldBe(1);
        (await node.DrainAsync()).ShouldBe(3);

        (await HandledSequencesAsync("ord_1")).ShouldBe([1, 2, 3, 4]);
    }

    [Fact]
    public async Task Dispatch_HoldsAnAggregatesLaterEvents_WhileAnEarlierOneIsDeadLettered()
    {
        var broken = true;
        _script.Before = (e, _, _) => broken && e.Activity == "poison" ? throw new InvalidOperationException("cannot handle") : Task.CompletedTask;
        await using var node = Node(maxAttempts: 2);
        var tenant = await database.AddTenantAsync();
        var poison = (await node.PublishAsync(tenant, ("poison", "ord_p", 1)))[0];
        await node.PublishAsync(tenant, ("ok", "ord_p", 2), ("ok", "ord_p", 3), ("ok", "ord_other", 1));

        await node.DrainAsync();
        _time.Advance(TimeSpan.FromMinutes(10));
        await node.DrainAsync();
        _time.Advance(TimeSpan.FromMinutes(10));
        await node.DrainAsync();

        (await database.MessageAsync(poison)).DeadLetteredAt.ShouldNotBeNull();
        (await HandledSequencesAsync("ord_p")).ShouldBeEmpty();
        (await HandledSequencesAsync("ord_other")).ShouldBe([1]);

        broken = false;
        await using (var scope = node.GetRequiredService<Tenancy.TenantScopeFactory>().CreateScope(tenant))
        {
            (await scope.ServiceProvider.GetRequiredService<DeadLetterService>().ReplayAsync(poison)).Succeeded.ShouldBeTrue();
        }
        await node.DrainAsync();

        (await HandledSequencesAsync("ord_p")).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Publish_RefusesTwoEventsAtOnePositionOfAnAggregate()
    {
        await using var node = Node();
        var tenant = await database.AddTenantAsync();
        await node.PublishAsync(tenant, ("ok", "ord_u", 1));

        var refused = await Should.ThrowAsync<DbUpdateException>(() => node.PublishAsync(tenant, ("ok", "ord_u", 1)));

        DbErrors.IsUniqueViolation(refused).ShouldBeTrue();
        await node.PublishAsync(tenant, ("ok", "", 0), ("ok", "", 0));
    }

    /// <summary>The sequences of an aggregate's committed effects, in the order the handler produced them.</summary>
    private async Task<List<long>> HandledSequencesAsync(string aggregate) =>
        (await database.EffectsAsync())
            .Select(n => n.Split('|'))
            .Where(p => p[2] == aggregate)
            .OrderBy(p => long.Parse(p[4], System.Globalization.CultureInfo.InvariantCulture))
            .Select(p => long.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
}

public sealed class OutboxOrderingTestsOnSqlite(SqliteOutboxDatabase database) : OutboxOrderingTests<SqliteOutboxDatabase>(database);

public sealed class OutboxOrderingTestsOnPostgres(PostgresOutboxDatabase database) : OutboxOrderingTests<PostgresOutboxDatabase>(database);
