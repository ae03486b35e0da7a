using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunitySaaS.E2E;

/// <summary>
/// The real host for browser tests: SQLite in a temporary file, the demo seeded. Settings go in as host
/// settings (UseSetting), which the app's builder sees while it registers services even when the factory
/// runs Kestrel. Outside Development and before publish, the console's static files (MudBlazor,
/// blazor.web.js) are found through the build's static web assets manifest, which must be switched on.
/// </summary>
public sealed class ConsoleHost(string demoPassword) : WebApplicationFactory<Program>
{
    public string DatabaseFile { get; } = Path.Combine(Path.GetTempPath(), $"csaas-e2e-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabaseFile}");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:UserPassword", demoPassword);
        builder.UseSetting("Roles", "Api,Admin");
        builder.UseSetting("RateLimits:PerKeyPerSecond", "100000");
        builder.UseStaticWebAssets();
    }
}
