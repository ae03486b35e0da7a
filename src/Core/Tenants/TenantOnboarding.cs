using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Users;

namespace CommunitySaaS.Core.Tenants;

public sealed record OnboardedTenant(CreatedTenant Tenant, UserView Owner);

/// <summary>
/// The platform operator's "new brand": the tenant, its first secret key and its first Owner. The Owner is
/// checked before the tenant is created, so a weak password does not leave an ownerless brand behind.
/// </summary>
public sealed class TenantOnboarding(TenantService tenants, UserService users)
{
    public const string OwnerPrefix = "Owner.";

    public async Task<ServiceResult<OnboardedTenant>> CreateAsync(CreateTenant tenant, CreateUser owner, CancellationToken ct = default)
    {
        owner = owner with { Role = UserRoles.Owner };
        var check = await users.CheckAsync(owner);
        if (!check.Succeeded) return Prefixed(check.Errors!, check.Message);
        var created = await tenants.CreateAsync(tenant, ct);
        if (!created.Succeeded) return new ServiceResult<OnboardedTenant>(created.Status, null, created.Message, created.Errors);
        var user = await users.CreateInTenantAsync(created.Value!.Tenant.Id, owner);
        return user.Succeeded
            ? ServiceResult<OnboardedTenant>.Created(new OnboardedTenant(created.Value, user.Value!))
            : Prefixed(user.Errors!, user.Message);
    }

    private static ServiceResult<OnboardedTenant> Prefixed(IReadOnlyDictionary<string, string[]> errors, string? message) =>
        new(ServiceStatus.Invalid, null, message, errors.ToDictionary(e => OwnerPrefix + e.Key, e => e.Value));
}
