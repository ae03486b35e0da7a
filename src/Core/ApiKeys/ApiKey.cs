using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.ApiKeys;

public enum ApiKeyKind { Secret, Publishable }

/// <summary>A tenant's API key. Only a SHA-256 hash is kept; the key itself is shown once, at creation.</summary>
[Auditable("api_key")]
public sealed class ApiKey : ITenantOwned
{
    public string Id { get; init; } = Ids.New("key");
    public string TenantId { get; set; } = "";
    public required string Name { get; init; }
    public ApiKeyKind Kind { get; init; }
    [AuditSecret]
    public required string Hash { get; init; }
    public required string Hint { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    [AuditIgnore]
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
