using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Api.Tenancy;

/// <summary>The tenant of the authenticated principal (API key or console user), when nothing else names one.</summary>
public sealed class PrincipalTenantStrategy : ITenantResolutionStrategy
{
    public string? GetIdentifier(HttpContext context) => context.User.FindFirst(TenantClaims.TenantSlug)?.Value;
}
