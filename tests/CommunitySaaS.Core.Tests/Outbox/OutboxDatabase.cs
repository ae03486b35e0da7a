using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Tests.Outbox;

/// <summary>
/// A real, migrated database for the outbox tests, and "nodes" on it: each node is its own service provider
/// (own dispatcher, own DI scopes, own connections), as separate hosts sharing one database would be.
/// </summary>
public abstract class OutboxDatabase : IDisposable
{
    private readonly ProviderDatabase _database;

    protected OutboxDatabase(DatabaseProvider provider) => _database = ProviderDatabase.Create(provider);

    public DatabaseProvider Provider => _database.Options.Provider;

    public string ConnectionString => _database.Options.ConnectionString!;

    /// <summary>A node with the given outbox settings (<c>Outbox:*</c> keys without the prefix) and handlers.</summary>
    public ServiceProvider Node(TimeProvider time, Action<IServiceCollection> handlers, IDictionary<string, string?>? outbox = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["Database:ConnectionString"] = ConnectionString,
        };
        foreach (var (key, value) in outbox ?? new Dictionary<string, string?>()) settings[$"Outbox:{key}"] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddPersistence(configuration);
        services.AddSingleton(time);
        services.AddTenancy();
        services.AddSingleton<TenantScopeFactory>();
        services.AddDomainEvents(runProcessor: false, configuration);
        services.AddDomainEventType<MemberActivity>(MemberActivity.TypeName);
        handlers(services);
        return services.BuildServiceProvider();
    }

    public AppDbContext Open(TenantInfo? tenant) => _database.Open(tenant);

    public Task<TenantInfo> AddTenantAsync(TenantStatus status = TenantStatus.Active) => _database.AddTenantAsync(status);

    /// <summary>
    /// Suspends every brand so far: their leftover events are held, so a test sees only the events of the brands
    /// it creates, on a database its class shares.
    /// </summary>
    public async Task IsolateAsync()
    {
        await using var db = Open(null);
        await db.Tenants.ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TenantStatus.Suspended));
    }

    public async Task<OutboxMessage> MessageAsync(string eventId)
    {
        await using var db = Open(null);
        return await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == eventId);
    }

    /// <summary>The handler effects (see <see cref="EffectHandler"/>) committed for an event, in any tenant.</summary>
    public async Task<List<string>> EffectsAsync(string? eventId = null)
    {
        await using var db = Open(null);
        var names = db.Communities.IgnoreQueryFilters().Select(c => c.Name);
        if (eventId is not null) names = names.Where(n => n.Contains(eventId));
        return await names.ToListAsync();
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (Provider != DatabaseProvider.Sqlite) return;
        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" }) File.Delete(path);
    }
}

public sealed class SqliteOutboxDatabase() : OutboxDatabase(DatabaseProvider.Sqlite);

public sealed class PostgresOutboxDatabase() : OutboxDatabase(DatabaseProvider.Postgres);
