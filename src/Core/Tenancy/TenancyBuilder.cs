using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Tenancy;

/// <summary>Builder in the style of Finbuckle's: <c>AddTenancy().WithRouteStrategy().WithHostStrategy(..)</c>.</summary>
public sealed class TenancyBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    public TenancyBuilder WithRouteStrategy(string parameterName = "tenant") =>
        WithStrategy(new RouteTenantStrategy(parameterName));

    public TenancyBuilder WithHostStrategy(string? template) =>
        string.IsNullOrWhiteSpace(template) ? this : WithStrategy(new HostTenantStrategy(template));

    public TenancyBuilder WithPrincipalStrategy() => WithStrategy(new PrincipalTenantStrategy());

    private TenancyBuilder WithStrategy(ITenantResolutionStrategy strategy)
    {
        Services.AddSingleton(strategy);
        return this;
    }
}
