using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tests;

/// <summary>A real, migrated database of either provider (SQLite file or a database on the test PostgreSQL server).</summary>
public sealed class ProviderDatabase
{
    private ProviderDatabase(DatabaseOptions options) => Options = options;

    public DatabaseOptions Options { get; }

    public static ProviderDatabase Create(DatabaseProvider provider)
    {
        var connectionString = provider == DatabaseProvider.Postgres
            ? PostgresServer.Instance.CreateDatabase("core")
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"csaas-core-{Guid.NewGuid():N}.db")}";
        var database = new ProviderDatabase(new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
        using var db = database.Open(null);
        db.Database.Migrate();
        return database;
    }

    public AppDbContext Open(TenantInfo? tenant)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceSetup.Configure(builder, Options);
        var context = new TenantContext();
        if (tenant is not null) context.Set(tenant);
        return new AppDbContext(builder.Options, context);
    }

    public async Task<TenantInfo> AddTenantAsync(TenantStatus status = TenantStatus.Active)
    {
        await using var db = Open(null);
        var slug = $"t{Guid.NewGuid():N}"[..12];
        var tenant = new Tenant { Slug = slug, Name = slug, Currency = "USD", TimeZone = "UTC", CreatedAt = DateTimeOffset.UtcNow, Status = status };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant.ToInfo();
    }
}
