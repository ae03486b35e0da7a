using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Persistence;

/// <summary>Applies pending migrations; on SQLite also turns on WAL so readers never block the writer.</summary>
public sealed class DatabaseMigrator(AppDbContext db)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    public async Task<bool> IsReadyAsync(CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any();
}
