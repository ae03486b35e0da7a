namespace CommunitySaaS.Core.Tenancy;

/// <summary>An entity that belongs to one tenant: filtered by the tenant query filter and stamped on save.</summary>
public interface ITenantOwned
{
    string TenantId { get; set; }
}

/// <summary>An entity that deliberately has no tenant filter (platform data). Opting out is explicit.</summary>
public interface IGlobalEntity;
