namespace CommunitySaaS.Api.Tenancy;

/// <summary>One way to find the tenant's identifier (slug) for a request; strategies are tried in registration order.</summary>
public interface ITenantResolutionStrategy
{
    string? GetIdentifier(HttpContext context);
}
