namespace CommunitySaaS.Core.Tenancy;

/// <summary>What a request or job knows about its tenant (Finbuckle's TenantInfo shape).</summary>
public sealed record TenantInfo(
    string Id,
    string Identifier,
    string Name,
    string Currency,
    string TimeZone,
    int ReturnWindowDays,
    TenantStatus Status)
{
    public bool IsActive => Status == TenantStatus.Active;
}
