using CommunitySaaS.Admin.Account;
using CommunitySaaS.Admin.Security;
using CommunitySaaS.Core;
using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Demo;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CommunitySaaS.Admin;

/// <summary>The console owns its DI: Identity for sign-in, its policies, and its components' services.</summary>
public static class AdminSetup
{
    public const string CookieName = "csaas.console";

    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
        services.AddConsoleIdentity();
        services.AddConsoleUi();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddScoped<CircuitHandler, TenantCircuitHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitHandler, AuditActorCircuitHandler>();
        return services;
    }

    /// <summary>ASP.NET Core Identity on the app's database: users, password rules, lockout, the console cookie.</summary>
    public static IServiceCollection AddConsoleIdentity(this IServiceCollection services)
    {
        services.AddAuthentication().AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.LoginPath = ConsoleRoutes.Login;
            o.LogoutPath = ConsoleRoutes.Logout;
            o.AccessDeniedPath = ConsoleRoutes.AccessDenied;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        }));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = UserPasswords.MinLength;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                // Above the per-address throttle (SignInThrottle), so guesses from one address cannot lock an account.
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ConsoleClaimsFactory>();
        services.AddSingleton(sp => new SignInThrottle(new FailureThrottle(
            sp.GetRequiredService<IConfiguration>().GetValue("RateLimits:FailedSignInsPerIpPer15Minutes", SignInThrottle.DefaultLimit),
            SignInThrottle.Window, sp.GetService<TimeProvider>() ?? TimeProvider.System)));
        services.AddConsoleFeatures();
        services.AddAuditFeature();
        services.AddScoped<DemoUsers>();
        return services;
    }

    /// <summary>What the console's components need besides Core services: MudBlazor and the policies.</summary>
    public static IServiceCollection AddConsoleUi(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddAuthorizationCore(ConsolePolicies.Add);
        services.AddScoped<ConsoleAccess>();
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        return services;
    }
}
