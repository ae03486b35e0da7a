using CommunitySaaS.Core;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Bench.MembersQuery;

/// <summary>Core's services on a fresh, migrated database of one provider (PostgreSQL with fsync on, as in production).</summary>
internal static class BenchDatabase
{
    public static async Task<ServiceProvider> CreateAsync(DatabaseProvider provider) => (await CreateAsync(provider, _ => { })).Services;

    /// <summary>As <see cref="CreateAsync(DatabaseProvider)"/>, with more features and the connection string for bulk loads.</summary>
    public static async Task<(ServiceProvider Services, string ConnectionString)> CreateAsync(DatabaseProvider provider, Action<IServiceCollection> features)
    {
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => $"Data Source={Path.Combine(Path.GetTempPath(), $"csaas-bench-{Guid.NewGuid():N}.db")}",
            DatabaseProvider.Postgres => Postgres.Value.CreateDatabase("bench"),
            _ => throw new NotSupportedException($"{provider} cannot run on this machine."),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddPersistence(configuration);
        services.AddTenancy();
        services.AddTenantsFeature().AddApiKeysFeature().AddMembersFeature().AddDatabaseMigrator();
        features(services);
        var built = services.BuildServiceProvider();
        await using var scope = built.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return (built, connectionString);
    }

    public static async Task AnalyzeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE");
    }

    public static TenantScopeFactory Scopes(IServiceProvider services) => services.GetRequiredService<TenantScopeFactory>();

    private static readonly Lazy<PostgresServer> Postgres = new(() => PostgresServer.Start(durable: true));
}
