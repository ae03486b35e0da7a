using CommunitySaaS.Admin;
using CommunitySaaS.Api.Hosting;
using CommunitySaaS.Api.Security;
using Microsoft.AspNetCore.Identity;

namespace CommunitySaaS.Api.Console;

public static class ConsoleSetup
{
    /// <summary>Chooses, per request, between the API's key and the console's cookie.</summary>
    public const string SignInScheme = "ApiKeyOrCookie";

    /// <summary>
    /// The console (when this node's <c>Admin</c> role is on): Identity sign-in and Blazor components.
    /// The API keeps exactly its behaviour: anything under <c>/api</c> or carrying an Authorization header
    /// authenticates with the API key scheme, everything else with the console cookie.
    /// </summary>
    public static WebApplicationBuilder AddAdminConsole(this WebApplicationBuilder builder)
    {
        if (!HostRoles.From(builder.Configuration).Admin) return builder;
        builder.Services.AddConsole();
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = SignInScheme;
                o.DefaultChallengeScheme = SignInScheme;
            })
            .AddPolicyScheme(SignInScheme, "API key or console cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.Authorization.Count > 0
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        builder.Services.AddHostedService<ConsoleDemoUsersStartup>();
        return builder;
    }

    /// <summary>Antiforgery for the console's forms; it must come after authentication and authorization.</summary>
    public static WebApplication UseAdminConsole(this WebApplication app)
    {
        if (app.Services.GetRequiredService<HostRoles>().Admin) app.UseAntiforgery();
        return app;
    }
}
