using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// An activity the storefront posted, kept so that a retry (same <see cref="ActivityId"/>) gets the first answer even
/// when it earned nothing. <see cref="ReferredMemberId"/> is unique: a new member is referred once.
/// </summary>
public sealed class PointsActivity : ITenantOwned
{
    public string Id { get; init; } = Ids.New("act");
    public string TenantId { get; set; } = "";
    public required string ActivityId { get; init; }
    public required string MemberId { get; init; }
    public required string Type { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string? CommunityId { get; init; }
    public string PropertiesJson { get; init; } = "{}";
    public string? ReferredMemberId { get; init; }
    public required string RequestHash { get; init; }
    public long Points { get; init; }
    /// <summary>The rules whose limit refused points, as "rule (limit/per)".</summary>
    public List<string> Limited { get; init; } = [];
    public DateTimeOffset RecordedAt { get; init; }
}
