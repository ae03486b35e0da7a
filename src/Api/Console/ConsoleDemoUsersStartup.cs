using CommunitySaaS.Core.Demo;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Api.Console;

/// <summary>
/// Adds the demo's console users (one per role, and a platform operator) once the demo brand exists.
/// Registered after <c>DatabaseStartup</c>, and hosted services start in order.
/// </summary>
internal sealed class ConsoleDemoUsersStartup(IServiceScopeFactory scopes, DemoOptions demo, ILogger<ConsoleDemoUsersStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Seed) return;
        await using var scope = scopes.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdentifierAsync(demo.Slug, cancellationToken)
            ?? throw new InvalidOperationException($"The demo brand '{demo.Slug}' was not seeded.");
        await scope.ServiceProvider.GetRequiredService<DemoUsers>().SeedAsync(tenant);
        logger.LogInformation("Demo console users are seeded");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
