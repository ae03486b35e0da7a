using CommunitySaaS.Core.ApiKeys;
using CommunitySaaS.Core.Tenancy;
using Microsoft.AspNetCore.Authorization;

namespace CommunitySaaS.Api.Security;

public static class ApiPolicies
{
    /// <summary>A secret key of the route's tenant: reads and writes.</summary>
    public const string SecretKey = "secret-key";

    /// <summary>Any key of the route's tenant, publishable included: storefront-safe reads only.</summary>
    public const string AnyKey = "any-key";

    /// <summary>The platform operator's key.</summary>
    public const string Platform = "platform";

    internal static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(SecretKey, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireClaim(TenantClaims.TenantId).RequireClaim(ApiKeyAuthenticationHandler.KeyKindClaim, nameof(ApiKeyKind.Secret)));
        o.AddPolicy(AnyKey, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(TenantClaims.TenantId));
        o.AddPolicy(Platform, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(TenantClaims.Platform, "true"));
    }
}
