using CommunitySaaS.Core.Demo;
using CommunitySaaS.Core.Persistence;

namespace CommunitySaaS.Api.Hosting;

/// <summary>Brings the database up to date (when <c>Database:MigrateOnStart</c>) and seeds the demo brand (when <c>Demo:Seed</c>).</summary>
internal sealed class DatabaseStartup(IServiceScopeFactory scopes, DatabaseOptions database, DemoOptions demo, DemoSeeder seeder, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.MigrateOnStart)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            logger.LogInformation("Database ({Provider}) is migrated", database.Provider);
        }
        if (demo.Seed)
        {
            var tenant = await seeder.SeedAsync(cancellationToken);
            logger.LogInformation("Demo brand '{Slug}' is seeded", tenant.Identifier);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
