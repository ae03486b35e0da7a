using System.Collections.Concurrent;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Infrastructure;

/// <summary>A host whose domain events are also delivered to a recorder, as a later feature's handler would receive them.</summary>
public abstract class EventRecordingHost(DatabaseProvider provider) : TestHost(provider)
{
    public ConcurrentQueue<DomainEvent> Delivered { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(this);
            services.AddScoped<IDomainEventHandler<OrderPaid>, Recorder<OrderPaid>>();
            services.AddScoped<IDomainEventHandler<OrderRefunded>, Recorder<OrderRefunded>>();
            services.AddScoped<IDomainEventHandler<OrderFulfilled>, Recorder<OrderFulfilled>>();
        });
    }

    public async Task<T[]> WaitFor<T>(Func<T, bool> match, int count) where T : DomainEvent
    {
        for (var i = 0; i < 600; i++)
        {
            var found = Delivered.OfType<T>().Where(match).ToArray();
            if (found.Length >= count) return found;
            await Task.Delay(50);
        }
        return Delivered.OfType<T>().Where(match).ToArray();
    }

    private sealed class Recorder<T>(EventRecordingHost host) : IDomainEventHandler<T> where T : DomainEvent
    {
        public Task HandleAsync(T domainEvent, CancellationToken ct)
        {
            host.Delivered.Enqueue(domainEvent);
            return Task.CompletedTask;
        }
    }
}

public sealed class SqliteEventsHost() : EventRecordingHost(DatabaseProvider.Sqlite);

public sealed class PostgresEventsHost() : EventRecordingHost(DatabaseProvider.Postgres);
