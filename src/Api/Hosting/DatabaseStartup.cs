using CommunitySaaS.Core.Demo;
using CommunitySaaS.Core.Persistence;

namespace CommunitySaaS.Api.Hosting;

/// <summary>
/// Brings the database up to date (when <c>Database:MigrateOnStart</c>) and seeds the demo brand (when <c>Demo:Seed</c>);
/// outside Development without the seed, revokes the demo's public key should an earlier run have seeded it.
/// </summary>
internal sealed class DatabaseStartup(
    IServiceScopeFactory scopes, DatabaseOptions database, DemoOptions demo, DemoSeeder seeder, IHostEnvironment environment, ILogger<DatabaseStartup> logger)
    : IHostedService
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
        else if (!environment.IsDevelopment())
        {
            await using var scope = scopes.CreateAsyncScope();
            var revoked = await ActivatorUtilities.CreateInstance<DemoLeftovers>(scope.ServiceProvider).RevokeDemoKeyAsync(cancellationToken);
            if (revoked > 0) logger.LogWarning("The demo secret key was still active and is now revoked (Demo:Seed is off outside Development)");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
