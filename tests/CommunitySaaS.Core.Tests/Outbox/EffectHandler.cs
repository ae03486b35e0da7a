using System.Collections.Concurrent;
using CommunitySaaS.Core.Communities;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;

namespace CommunitySaaS.Core.Tests.Outbox;

/// <summary>
/// What a test wants a handler to do with one event: throw, wait, or let it write its effect. The effect is a
/// row named "{handler}|{eventId}|{aggregate}|{sequence}|{ordinal}" (a community: a table with no unique name),
/// so duplicates and misses can be counted by event id, and the ordinal (a counter taken when the handler ran)
/// shows the order in which committed effects were produced.
/// </summary>
public sealed class HandlerScript
{
    private long _ordinal;

    public Func<MemberActivity, int, CancellationToken, Task>? Before { get; set; }

    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public int CallsFor(string eventId) => Calls.GetValueOrDefault(eventId);

    internal async Task RunAsync(string handler, MemberActivity e, AppDbContext db, CancellationToken ct)
    {
        var call = Calls.AddOrUpdate($"{handler}:{e.EventId}", 1, (_, n) => n + 1);
        Calls.AddOrUpdate(e.EventId, 1, (_, n) => n + 1);
        if (Before is not null) await Before(e, call, ct);
        var ordinal = Interlocked.Increment(ref _ordinal);
        db.Communities.Add(new Community { Name = $"{handler}|{e.EventId}|{e.AggregateId}|{e.Sequence}|{ordinal}", CreatedAt = e.OccurredAt });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Writes through the scope's own DbContext and calls SaveChanges itself, as a real handler would.</summary>
public sealed class EffectHandler(AppDbContext db, HandlerScript script) : IDomainEventHandler<MemberActivity>
{
    public Task HandleAsync(MemberActivity domainEvent, CancellationToken ct) => script.RunAsync("a", domainEvent, db, ct);
}

/// <summary>A second handler of the same event, with its own receipts.</summary>
public sealed class SecondEffectHandler(AppDbContext db, SecondScript script) : IDomainEventHandler<MemberActivity>
{
    public Task HandleAsync(MemberActivity domainEvent, CancellationToken ct) => script.Script.RunAsync("b", domainEvent, db, ct);
}

public sealed record SecondScript(HandlerScript Script);
