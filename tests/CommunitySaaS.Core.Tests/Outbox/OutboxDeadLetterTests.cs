using System.Diagnostics.Metrics;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Observability;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Rules;
using CommunitySaaS.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunitySaaS.Core.Tests.Outbox;

/// <summary>Failed attempts back off exponentially; the last allowed one dead-letters the message with its error.</summary>
public abstract class OutboxDeadLetterTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : OutboxDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly HandlerScript _script = new();

    public Task InitializeAsync() => database.IsolateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private ServiceProvider Node() => database.Node(_time,
        s => s.AddSingleton(_script).AddScoped<IDomainEventHandler<MemberActivity>, EffectHandler>(),
        new Dictionary<string, string?> { ["MaxAttempts"] = "3", ["BackoffSeconds"] = "5" });

    [Fact]
    public async Task Dispatch_BacksOffThenDeadLetters_AfterMaxAttempts()
    {
        _script.Before = (_, call, _) => throw new InvalidOperationException($"failure {call}");
        await using var node = Node();
        var tenant = await database.AddTenantAsync();
        var id = await node.PublishOneAsync(tenant);
        var deadLetters = CountDeadLetters(out var listener);
        using var _ = listener;

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await node.DispatchAsync()).ShouldBe(0);
            var message = await database.MessageAsync(id);
            message.Attempts.ShouldBe(attempt);
            message.LastError!.ShouldContain($"failure {attempt}");
            if (message.LockedUntil is { } until) waits.Add(until - _time.GetUtcNow());
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        waits.ShouldBe([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)]);
        var dead = await database.MessageAsync(id);
        dead.DeadLetteredAt.ShouldNotBeNull();
        dead.ProcessedAt.ShouldBeNull();
        deadLetters().ShouldBe(1);
        _time.Advance(TimeSpan.FromHours(1));
        (await node.DispatchAsync()).ShouldBe(0);
        _script.CallsFor(id).ShouldBe(3);
    }

    [Fact]
    public async Task Dispatch_DeadLettersAtOnce_WhenTheRulesCannotBeEvaluated()
    {
        _script.Before = (_, _, _) => throw new RuleEvaluationFailedException(RuleSetKind.Points, "rsv_1", 1, "an amount overflowed", []);
        await using var node = Node();
        var tenant = await database.AddTenantAsync();
        var id = await node.PublishOneAsync(tenant);

        (await node.DispatchAsync()).ShouldBe(0);

        var dead = await database.MessageAsync(id);
        dead.Attempts.ShouldBe(1);
        dead.DeadLetteredAt.ShouldNotBeNull();
        dead.LastError!.ShouldContain("an amount overflowed");
        _time.Advance(TimeSpan.FromHours(1));
        (await node.DispatchAsync()).ShouldBe(0);
        _script.CallsFor(id).ShouldBe(1);
    }

    [Fact]
    public async Task DeadLetters_ListsAndReplaysOnlyTheBrandsOwn()
    {
        _script.Before = (e, _, _) => e.Activity == "fail" ? throw new InvalidOperationException("boom") : Task.CompletedTask;
        await using var node = Node();
        var mine = await database.AddTenantAsync();
        var other = await database.AddTenantAsync();
        var myId = await node.PublishOneAsync(mine, "fail");
        var otherId = await node.PublishOneAsync(other, "fail");
        for (var i = 0; i < 3; i++)
        {
            await node.DrainAsync();
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        await using var scope = node.GetRequiredService<TenantScopeFactory>().CreateScope(mine);
        var service = scope.ServiceProvider.GetRequiredService<DeadLetterService>();
        var page = await service.ListAsync();
        page.Data.Select(d => d.EventId).ShouldBe([myId]);
        page.Data[0].Attempts.ShouldBe(3);
        page.Data[0].LastError!.ShouldContain("boom");
        (await service.ReplayAsync(otherId)).Status.ShouldBe(Common.ServiceStatus.NotFound);

        _script.Before = null;
        (await service.ReplayAsync(myId)).Succeeded.ShouldBeTrue();
        (await service.ReplayAsync(myId)).Status.ShouldBe(Common.ServiceStatus.NotFound);
        (await node.DispatchAsync()).ShouldBe(1);
        (await database.EffectsAsync(myId)).Count.ShouldBe(1);
        (await database.MessageAsync(otherId)).DeadLetteredAt.ShouldNotBeNull();
    }

    private static readonly AsyncLocal<object?> CountingTest = new();

    /// <summary>
    /// Listens to the dead-letter counter as an exporter would. The meter is process-wide and other tests
    /// (this class on the other provider among them) dead-letter in parallel, so only measurements recorded
    /// on this test's own async flow count: the dispatcher runs on the awaiting test's execution context.
    /// </summary>
    private static Func<long> CountDeadLetters(out MeterListener listener)
    {
        long count = 0;
        var marker = new object();
        CountingTest.Value = marker;
        listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AppMetrics.MeterName && instrument.Name == "communitysaas.outbox.dead_letters") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (ReferenceEquals(CountingTest.Value, marker)) Interlocked.Add(ref count, value);
        });
        listener.Start();
        return () => Interlocked.Read(ref count);
    }
}

public sealed class OutboxDeadLetterTestsOnSqlite(SqliteOutboxDatabase database) : OutboxDeadLetterTests<SqliteOutboxDatabase>(database);

public sealed class OutboxDeadLetterTestsOnPostgres(PostgresOutboxDatabase database) : OutboxDeadLetterTests<PostgresOutboxDatabase>(database);
