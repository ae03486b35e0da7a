using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Tenancy;

public enum TenantStatus { Active, Suspended }

[Auditable("tenant", Updated = "tenant.settings_changed")]
public sealed class Tenant : IGlobalEntity
{
    public string Id { get; init; } = Ids.New("ten");
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public required string Currency { get; set; }
    public required string TimeZone { get; set; }
    public int ReturnWindowDays { get; set; } = 14;
    public TenantStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public TenantInfo ToInfo() => new(Id, Slug, Name, Currency, TimeZone, ReturnWindowDays, Status);
}
