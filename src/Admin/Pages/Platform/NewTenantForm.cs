using CommunitySaaS.Core.Tenants;
using CommunitySaaS.Core.Users;

namespace CommunitySaaS.Admin.Pages.Platform;

/// <summary>The two commands a new brand takes, validated together: errors come back as <c>Tenant.Slug</c>, <c>Owner.Email</c>…</summary>
public sealed record NewTenant(CreateTenant Tenant, CreateUser Owner);

public sealed class NewTenantForm
{
    public TenantFields Tenant { get; set; } = new();
    public OwnerFields Owner { get; set; } = new();

    public NewTenant ToCommand() => new(
        new CreateTenant(Tenant.Slug.Trim(), Tenant.Name, Tenant.Currency.Trim().ToUpperInvariant(), Tenant.TimeZone.Trim(), Tenant.ReturnWindowDays),
        new CreateUser(Owner.Email.Trim(), Owner.DisplayName.Trim(), UserRoles.Owner, Owner.Password));
}

public sealed class TenantFields
{
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Currency { get; set; } = "USD";
    public string TimeZone { get; set; } = "UTC";
    public int ReturnWindowDays { get; set; } = 14;
}

public sealed class OwnerFields
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Password { get; set; } = "";
}
