using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Tenancy;

public static class TenancySetup
{
    /// <summary>The tenant context and store every scope needs, request or job; the host adds how a request names its tenant.</summary>
    public static TenancyBuilder AddTenancy(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<ITenantContext, TenantContext>();
        services.AddScoped<ITenantStore, CachedTenantStore>();
        return new TenancyBuilder(services);
    }
}
