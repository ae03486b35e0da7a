namespace CommunitySaaS.Core.Tenancy;

/// <summary>The tenant of the current request or job; scoped. Empty until resolved or set.</summary>
public interface ITenantContext
{
    TenantInfo? Tenant { get; }
    string? TenantId => Tenant?.Id;
    void Set(TenantInfo tenant);
}

public sealed class TenantContext : ITenantContext
{
    public TenantInfo? Tenant { get; private set; }

    public void Set(TenantInfo tenant)
    {
        if (Tenant is not null && Tenant.Id != tenant.Id)
        {
            throw new InvalidOperationException("The tenant of a scope cannot change once set.");
        }
        Tenant = tenant;
    }
}
