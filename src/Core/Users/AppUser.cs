using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace CommunitySaaS.Core.Users;

/// <summary>
/// A console user. Global (sign-in looks a user up before any tenant is known); the tenant a user
/// belongs to travels in their claims and every page checks it.
/// </summary>
// Identity's inherited columns: hashes and stamps never logged; sign-in bookkeeping is no admin action.
[Auditable("user",
    Secrets = [nameof(PasswordHash), nameof(SecurityStamp)],
    Ignore = [nameof(ConcurrencyStamp), nameof(AccessFailedCount), nameof(NormalizedEmail), nameof(NormalizedUserName)])]
public sealed class AppUser : IdentityUser, IGlobalEntity
{
    public string? TenantId { get; set; }
    public string Role { get; set; } = UserRoles.Operator;
    public string? DisplayName { get; set; }
}

public static class UserRoles
{
    public const string Platform = "Platform";
    public const string Owner = "Owner";
    public const string Operator = "Operator";
    public const string Finance = "Finance";

    public static readonly IReadOnlyList<string> TenantRoles = [Owner, Operator, Finance];
}
