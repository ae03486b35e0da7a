namespace CommunitySaaS.Core.Tenancy;

/// <summary>Claim types every authenticated principal (API key or console user) carries.</summary>
public static class TenantClaims
{
    public const string TenantId = "tenant_id";
    public const string TenantSlug = "tenant";
    public const string Platform = "platform";
}
