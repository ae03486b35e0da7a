using CommunitySaaS.Core.ApiKeys;
using CommunitySaaS.Core.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CommunitySaaS.Api.Hosting;

/// <summary>
/// Tells the person who just ran the product where everything is, and how to try the demo. Secrets appear only
/// in Development, where the demo's key and password are the documented ones; elsewhere logs are collected and
/// kept, so the banner names the settings instead.
/// </summary>
internal sealed class StartupBanner(
    IHostApplicationLifetime lifetime, IServer server, IHostEnvironment environment, DemoOptions demo, HostRoles roles, ILogger<StartupBanner> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
            logger.LogInformation("CommunitySaaS is up at {Address} (roles: {Roles})", address, roles);
            logger.LogInformation("API reference: {Address}/docs   OpenAPI: {Address}/openapi/v1.json   Health: {Address}/health/ready", address, address, address);
            if (roles.Admin) logger.LogInformation("Console: {Address}/admin", address);
            if (demo.Seed)
            {
                var key = environment.IsDevelopment() ? demo.SecretKey : ApiKeySecrets.Hint(demo.SecretKey) + " (Demo:SecretKey)";
                logger.LogInformation("Demo brand '{Slug}': try  curl -H \"Authorization: Bearer {Key}\" {Address}/api/v1/{Slug}/members", demo.Slug, key, address, demo.Slug);
                if (roles.Admin) LogDemoLogins(address);
            }
        });
        return Task.CompletedTask;
    }

    private void LogDemoLogins(string address)
    {
        if (environment.IsDevelopment()) logger.LogInformation("Demo console logins at {Address}/admin (password for all: {Password})", address, demo.UserPassword);
        else logger.LogInformation("Demo console logins at {Address}/admin (password for all: the value of Demo:UserPassword)", address);
        foreach (var user in DemoUsers.For(demo)) logger.LogInformation("  {Role,-9} {Email}", user.Role, user.Email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
