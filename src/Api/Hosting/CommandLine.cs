using CommunitySaaS.Core.Persistence;

namespace CommunitySaaS.Api.Hosting;

/// <summary>Verbs the binary understands besides serving: <c>migrate</c> applies pending migrations and exits.</summary>
public static class CommandLine
{
    public static async Task<bool> TryRunCommandAsync(this WebApplication app, string[] args)
    {
        if (args is not ["migrate", ..]) return false;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        app.Logger.LogInformation("Migrations applied");
        return true;
    }
}
