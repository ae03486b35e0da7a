namespace CommunitySaaS.Api.Tenancy;

/// <summary>The tenant from a route value, e.g. <c>/api/v1/{tenant}/members</c>.</summary>
public sealed class RouteTenantStrategy(string parameterName = "tenant") : ITenantResolutionStrategy
{
    public string? GetIdentifier(HttpContext context) => context.GetRouteValue(parameterName) as string;
}
