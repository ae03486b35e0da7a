using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Tenancy;

/// <summary>The tenant of the current request or job; scoped. Empty until resolved or set.</summary>
public interface ITenantContext
{
    TenantInfo? Tenant { get; }
    string? TenantId => Tenant?.Id;

    /// <summary>The brand's time zone, in which its days, months and expiries are counted (UTC when none is set).</summary>
    TimeZoneInfo Zone => TimeZones.FindOrUtc(Tenant?.TimeZone);

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
