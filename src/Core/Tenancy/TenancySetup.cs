using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Tenancy;

public static class TenancySetup
{
    public static TenancyBuilder AddTenancy(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<ITenantContext, TenantContext>();
        services.AddScoped<ITenantStore, CachedTenantStore>();
        return new TenancyBuilder(services);
    }

    /// <summary>Place after authentication (the principal strategy needs the user) and before authorization.</summary>
    public static IApplicationBuilder UseTenancy(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();
}
