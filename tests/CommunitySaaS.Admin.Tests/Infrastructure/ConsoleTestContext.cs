using System.Security.Claims;
using CommunitySaaS.Admin;
using CommunitySaaS.Core;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Memberships;
using CommunitySaaS.Core.Nightly;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Rewards;
using CommunitySaaS.Core.Stripe;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tenants;
using CommunitySaaS.Core.Tiers;
using CommunitySaaS.Core.Users;
using CommunitySaaS.Core.Webhooks;
using CommunitySaaS.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;

namespace CommunitySaaS.Admin.Tests.Infrastructure;

/// <summary>
/// bUnit with the console's real services: Core services on a real SQLite file (migrated), the console's
/// real authorization policies, MudBlazor's test setup (JS interop loose, no popover provider check), and
/// a signed-in user of brand A. Brand B exists too, so every test can also prove isolation.
/// </summary>
public abstract class ConsoleTestContext : BunitContext, IAsyncLifetime
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"csaas-admin-{Guid.NewGuid():N}.db");
    private readonly TestAuthenticationStateProvider _authentication = new();

    protected ConsoleTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={_databaseFile}",
            ["Stripe:ApiBase"] = FakeStripe.Shared.BaseUrl,
        }).Build();
        Services.AddLogging();
        Services.AddPersistence(configuration);
        Services.AddTenancy();
        Services.AddTenantsFeature();
        Services.AddApiKeysFeature();
        Services.AddMembersFeature();
        Services.AddCommunitiesFeature();
        Services.AddOrdersFeature();
        Services.AddRuleSetsForConsole();
        Services.AddPointsFeature();
        Services.AddTiersFeature();
        Services.AddRewardsFeature();
        Services.AddNightlyFeature();
        // The brand's night may start at any hour of the real clock these tests run on.
        Services.AddSingleton(new NightlyOptions { LocalStart = TimeSpan.Zero });
        Services.AddStripeFeature(configuration);
        Services.AddMembershipsFeature();
        Services.AddDomainEvents(runProcessor: false);
        // Production's guard (https, public addresses only) and no delivery worker: a test sees deliveries queued, never sent.
        Services.AddWebhooksFeature(configuration, development: false, runWorker: false);
        Services.AddConsoleIdentity();
        // bUnit registers placeholder authorization services; the console's real ones must decide here.
        Services.RemoveAll<IAuthorizationService>();
        Services.RemoveAll<IAuthorizationPolicyProvider>();
        Services.AddConsoleUi();
        Services.Configure<PopoverOptions>(o => o.CheckForPopoverProvider = false);
        Services.AddSingleton<AuthenticationStateProvider>(_authentication);

        using (var scope = Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.Migrate();
        }
        BrandA = CreateTenant("brand-a", "Brand A");
        BrandB = CreateTenant("brand-b", "Brand B");
        Services.GetRequiredService<ITenantContext>().Set(BrandA);
        SignIn(UserRoles.Owner);
    }

    protected TenantInfo BrandA { get; }

    protected TenantInfo BrandB { get; }

    protected Seed Data => new(Services);

    /// <summary>Signs in a user of brand A with this role (or the platform operator, who has no brand).</summary>
    protected void SignIn(string role, string userId = "user-1")
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Name, $"{role.ToLowerInvariant()}@a.example"),
            new(ClaimTypes.Role, role), new(Security.ConsoleClaimsFactory.DisplayNameClaim, $"Test {role}"),
        };
        if (role != UserRoles.Platform)
        {
            claims.Add(new Claim(TenantClaims.TenantId, BrandA.Id));
            claims.Add(new Claim(TenantClaims.TenantSlug, BrandA.Identifier));
        }
        _authentication.Set(new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.ApplicationScheme)));
    }

    /// <summary>Renders a page or component with the dialog and popover providers the layout normally supplies.</summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Render<MudPopoverProvider>();
        DialogProvider = Render<MudDialogProvider>();
        return Render(parameters ?? (_ => { }));
    }

    protected IRenderedComponent<MudDialogProvider> DialogProvider { get; private set; } = default!;

    /// <summary>Opens a dialog through the real dialog service, as a page would.</summary>
    protected async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Reference)> ShowDialogAsync<TDialog>(DialogParameters<TDialog>? parameters = null)
        where TDialog : IComponent
    {
        var provider = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        IDialogReference reference = default!;
        await provider.InvokeAsync(async () => reference = await Services.GetRequiredService<IDialogService>().ShowAsync<TDialog>("Dialog", parameters ?? []));
        return (provider, reference);
    }

    private TenantInfo CreateTenant(string slug, string name)
    {
        using var scope = Services.CreateScope();
        var created = scope.ServiceProvider.GetRequiredService<TenantService>()
            .CreateAsync(new CreateTenant(slug, name, "USD", "UTC")).GetAwaiter().GetResult();
        var tenant = created.Value!.Tenant;
        return new TenantInfo(tenant.Id, tenant.Slug, tenant.Name, tenant.Currency, tenant.TimeZone, tenant.ReturnWindowDays, tenant.Status);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services are only async-disposable, so xunit must end the context asynchronously.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_databaseFile) + "*")) File.Delete(file);
    }
}
