using CommunitySaaS.Admin;
using CommunitySaaS.Admin.Account;
using CommunitySaaS.Api.Hosting;

namespace CommunitySaaS.Api.Console;

public static class ConsoleEndpoints
{
    /// <summary>
    /// The console's pages live under <c>/admin/…</c> (their routes say so); Blazor's own endpoints
    /// (<c>/_framework</c>, <c>/_blazor</c>) and the static assets (<c>/_content</c>) sit at the root beside the API.
    /// </summary>
    public static WebApplication MapAdminConsole(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<HostRoles>().Admin) return app;
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapConsoleAccount();
        return app;
    }
}
