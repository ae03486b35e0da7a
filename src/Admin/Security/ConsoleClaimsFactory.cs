using System.Security.Claims;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommunitySaaS.Admin.Security;

/// <summary>
/// Puts the user's brand (<c>tenant_id</c>, <c>tenant</c> slug) and role in the cookie, so the tenancy
/// middleware's principal strategy resolves the brand on every request and policies check the role.
/// </summary>
public sealed class ConsoleClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, ITenantStore tenants)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName ?? user.Email ?? user.UserName ?? ""));
        if (user.TenantId is not null)
        {
            var tenant = await tenants.FindByIdAsync(user.TenantId)
                ?? throw new InvalidOperationException($"User {user.Id} belongs to a tenant that does not exist.");
            identity.AddClaim(new Claim(TenantClaims.TenantId, tenant.Id));
            identity.AddClaim(new Claim(TenantClaims.TenantSlug, tenant.Identifier));
        }
        return identity;
    }
}
