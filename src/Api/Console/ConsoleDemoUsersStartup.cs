using CommunitySaaS.Core.Demo;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Api.Console;

/// <summary>
/// Adds the demo's console users (one per role, and a platform operator) once the demo brand exists.
/// Registered after <c>DatabaseStartup</c>, and hosted services start in order. Outside Development without the
/// seed, demo users left by an earlier run that still have the demo password are locked instead.
/// </summary>
internal sealed class ConsoleDemoUsersStartup(IServiceScopeFactory scopes, DemoOptions demo, IHostEnvironment environment, ILogger<ConsoleDemoUsersStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!demo.Seed)
        {
            if (environment.IsDevelopment()) return;
            foreach (var email in await scope.ServiceProvider.GetRequiredService<DemoUsers>().LockWithDemoPasswordAsync())
            {
                logger.LogWarning("Demo console user {Email} still had the demo password and is now locked (Demo:Seed is off outside Development)", email);
            }
            return;
        }
        var tenant = await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdentifierAsync(demo.Slug, cancellationToken)
            ?? throw new InvalidOperationException($"The demo brand '{demo.Slug}' was not seeded.");
        await scope.ServiceProvider.GetRequiredService<DemoUsers>().SeedAsync(tenant);
        logger.LogInformation("Demo console users are seeded");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
