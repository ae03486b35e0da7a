using CommunitySaaS.Core;
using CommunitySaaS.Core.Communities;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Bench.Outbox;

/// <summary>A fresh migrated database per run and "nodes" on it: separate service providers, as separate hosts would be.</summary>
internal sealed class OutboxBenchNodes(DatabaseProvider provider, bool writeRow)
{
    private static readonly Lazy<PostgresServer> Postgres = new(() => PostgresServer.Start(durable: true));

    private readonly string _connectionString = provider == DatabaseProvider.Sqlite
        ? $"Data Source={Path.Combine(Path.GetTempPath(), $"csaas-bench-outbox-{Guid.NewGuid():N}.db")}"
        : Postgres.Value.CreateDatabase("outbox");

    public ServiceProvider Node()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(), ["Database:ConnectionString"] = _connectionString, ["Outbox:PollSeconds"] = "0.05",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddPersistence(configuration);
        services.AddTenancy();
        services.AddTenantsFeature().AddApiKeysFeature().AddMembersFeature().AddDatabaseMigrator();
        services.AddDomainEvents(runProcessor: false, configuration);
        if (writeRow) services.AddScoped<IDomainEventHandler<MemberActivity>, RowHandler>();
        else services.AddSingleton<IDomainEventHandler<MemberActivity>, NoOpHandler>();
        return services.BuildServiceProvider();
    }

    public static async Task MigrateAsync(IServiceProvider node)
    {
        await using var scope = node.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    }

    private sealed class NoOpHandler : IDomainEventHandler<MemberActivity>
    {
        public Task HandleAsync(MemberActivity domainEvent, CancellationToken ct) => Task.CompletedTask;
    }

    /// <summary>One row per event in the handler's transaction, as a points or commission ledger entry would be.</summary>
    private sealed class RowHandler(AppDbContext db) : IDomainEventHandler<MemberActivity>
    {
        public async Task HandleAsync(MemberActivity domainEvent, CancellationToken ct)
        {
            db.Communities.Add(new Community { Name = domainEvent.EventId, CreatedAt = domainEvent.OccurredAt });
            await db.SaveChangesAsync(ct);
        }
    }
}

internal static class OutboxBenchQueries
{
    public static async Task<bool> AnyPendingAsync(IServiceProvider node)
    {
        await using var scope = node.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages
            .IgnoreQueryFilters([AppDbContext.TenantFilter]).AnyAsync(m => m.ProcessedAt == null);
    }
}
