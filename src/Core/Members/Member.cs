using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Members;

/// <summary>A brand's customer, known by the storefront's own id.</summary>
[Auditable("member")]
public sealed class Member : ITenantOwned
{
    public string Id { get; init; } = Ids.New("mem");
    public string TenantId { get; set; } = "";
    public required string ExternalId { get; init; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public DateOnly? Birthday { get; set; }
    public List<string> Tags { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    [AuditIgnore]
    public DateTimeOffset UpdatedAt { get; set; }
}
