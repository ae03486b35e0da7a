using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Tenancy;

/// <summary>
/// Builder in the style of Finbuckle's <c>MultiTenantBuilder</c>: Core registers the tenant context and store,
/// and the host adds its HTTP resolution strategies as extensions (<c>.WithRouteStrategy().WithHostStrategy(..)</c>),
/// so Core never needs ASP.NET Core.
/// </summary>
public sealed class TenancyBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;
}
