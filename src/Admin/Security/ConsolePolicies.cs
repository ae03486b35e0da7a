using System.Security.Claims;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CommunitySaaS.Admin.Security;

/// <summary>
/// Who may do what in the console. Every tenant policy also requires the user's tenant claim, so a
/// platform operator (no tenant) cannot open a brand's pages, and the tenancy middleware always has a tenant to apply.
/// </summary>
public static class ConsolePolicies
{
    /// <summary>Any user of a brand: dashboards and lists (Finance is read-only everywhere but its own pages).</summary>
    public const string Read = "console:read";

    /// <summary>Owner or Operator: members, communities, orders.</summary>
    public const string Operate = "console:operate";

    /// <summary>The brand's Owner: API keys, settings, users.</summary>
    public const string Owner = "console:owner";

    /// <summary>The platform operator: brands and their first Owner.</summary>
    public const string Platform = "console:platform";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => Tenant(p).RequireRole(UserRoles.Owner, UserRoles.Operator, UserRoles.Finance));
        options.AddPolicy(Operate, p => Tenant(p).RequireRole(UserRoles.Owner, UserRoles.Operator));
        options.AddPolicy(Owner, p => Tenant(p).RequireRole(UserRoles.Owner));
        options.AddPolicy(Platform, p => Cookie(p).RequireRole(UserRoles.Platform).RequireAssertion(c => !c.User.HasClaim(x => x.Type == TenantClaims.TenantId)));
    }

    private static AuthorizationPolicyBuilder Tenant(AuthorizationPolicyBuilder p) => Cookie(p).RequireClaim(TenantClaims.TenantId);

    /// <summary>Named explicitly, as the API's policies name theirs: a bearer key never opens a console page.</summary>
    private static AuthorizationPolicyBuilder Cookie(AuthorizationPolicyBuilder p) =>
        p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser();

    public static bool IsPlatform(this ClaimsPrincipal user) => user.IsInRole(UserRoles.Platform) && !user.HasClaim(c => c.Type == TenantClaims.TenantId);
}
