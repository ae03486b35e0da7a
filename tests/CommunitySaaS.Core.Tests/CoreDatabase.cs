using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tests;

/// <summary>A real, migrated SQLite file per test class; contexts are opened as a given tenant.</summary>
public sealed class CoreDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"csaas-core-{Guid.NewGuid():N}.db");

    public CoreDatabase()
    {
        using var db = Open(null);
        db.Database.Migrate();
    }

    public DatabaseOptions Options => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_path}" };

    public AppDbContext Open(TenantInfo? tenant, OutboxSignal? signal = null)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceSetup.Configure(builder, Options);
        var context = new TenantContext();
        if (tenant is not null) context.Set(tenant);
        return new AppDbContext(builder.Options, context, signal);
    }

    public async Task<TenantInfo> AddTenantAsync(string slug)
    {
        await using var db = Open(null);
        var tenant = new Tenant { Slug = slug, Name = slug, Currency = "USD", TimeZone = "UTC", CreatedAt = DateTimeOffset.UtcNow };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant.ToInfo();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" }) File.Delete(file);
    }
}
