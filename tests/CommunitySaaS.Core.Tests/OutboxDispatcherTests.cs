using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Tests;

public sealed class OutboxDispatcherTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Fails on its first call, as a handler whose downstream is briefly down would.</summary>
    private sealed class FlakyHandler : IDomainEventHandler<MemberActivity>
    {
        public int Calls;
        public readonly List<string> Handled = [];

        public Task HandleAsync(MemberActivity domainEvent, CancellationToken ct)
        {
            if (Interlocked.Increment(ref Calls) == 1) throw new InvalidOperationException("downstream unavailable");
            Handled.Add(domainEvent.EventId);
            return Task.CompletedTask;
        }
    }

    private ServiceProvider Services(Clock clock, FlakyHandler handler)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = database.Options.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddPersistence(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddTenancy();
        services.AddSingleton<TenantScopeFactory>();
        services.AddDomainEvents(runProcessor: false);
        services.AddSingleton<IDomainEventHandler<MemberActivity>>(handler);
        return services.BuildServiceProvider();
    }

    private static async Task<string> PublishAsync(IServiceProvider services, TenantInfo tenant, DateTimeOffset at)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var activity = new MemberActivity("mem_1", "checkin", null) { TenantId = tenant.Id, OccurredAt = at };
        scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(activity);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return activity.EventId;
    }

    [Fact]
    public async Task Dispatch_RetriesAFailedHandlerAfterBackoff_AndDeliversExactlyOnce()
    {
        var clock = new Clock();
        var handler = new FlakyHandler();
        await using var services = Services(clock, handler);
        var tenant = await database.AddTenantAsync($"o{Guid.NewGuid():N}"[..10]);
        var eventId = await PublishAsync(services, tenant, clock.Now);
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();

        (await dispatcher.ProcessPendingAsync(CancellationToken.None)).ShouldBe(0);
        (await dispatcher.ProcessPendingAsync(CancellationToken.None)).ShouldBe(0);
        handler.Calls.ShouldBe(1);

        clock.Now += TimeSpan.FromMinutes(5);
        (await dispatcher.ProcessPendingAsync(CancellationToken.None)).ShouldBe(1);
        (await dispatcher.ProcessPendingAsync(CancellationToken.None)).ShouldBe(0);
        handler.Handled.ShouldBe([eventId]);

        await using var db = database.Open(tenant);
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == eventId);
        message.ProcessedAt.ShouldNotBeNull();
        message.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Dispatch_HoldsEvents_OfASuspendedTenant()
    {
        var clock = new Clock();
        var handler = new FlakyHandler { Calls = 1 };
        await using var services = Services(clock, handler);
        var tenant = await database.AddTenantAsync($"s{Guid.NewGuid():N}"[..10]);
        await PublishAsync(services, tenant, clock.Now);
        await using (var db = database.Open(null))
        {
            await db.Tenants.Where(t => t.Id == tenant.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TenantStatus.Suspended));
        }

        await services.GetRequiredService<OutboxDispatcher>().ProcessPendingAsync(CancellationToken.None);
        handler.Handled.ShouldBeEmpty();
    }
}
