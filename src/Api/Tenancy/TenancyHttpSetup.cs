using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Api.Tenancy;

/// <summary>How a request names its tenant (Finbuckle.AspNetCore's half of the builder): strategies are tried in the order added.</summary>
public static class TenancyHttpSetup
{
    public static TenancyBuilder WithRouteStrategy(this TenancyBuilder builder, string parameterName = "tenant") =>
        builder.WithStrategy(new RouteTenantStrategy(parameterName));

    public static TenancyBuilder WithHostStrategy(this TenancyBuilder builder, string? template) =>
        string.IsNullOrWhiteSpace(template) ? builder : builder.WithStrategy(new HostTenantStrategy(template));

    public static TenancyBuilder WithPrincipalStrategy(this TenancyBuilder builder) => builder.WithStrategy(new PrincipalTenantStrategy());

    /// <summary>Place after authentication (the principal strategy needs the user) and before authorization.</summary>
    public static IApplicationBuilder UseTenancy(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();

    private static TenancyBuilder WithStrategy(this TenancyBuilder builder, ITenantResolutionStrategy strategy)
    {
        builder.Services.AddSingleton(strategy);
        return builder;
    }
}
