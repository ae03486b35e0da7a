using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Communities;

public enum CommunityKind { OnlineGroup, OfflineStore }

/// <summary>A group of members around a leader: an online group, or an offline store with an address.</summary>
[Auditable("community")]
public sealed class Community : ITenantOwned
{
    public string Id { get; init; } = Ids.New("com");
    public string TenantId { get; set; } = "";
    public required string Name { get; set; }
    public CommunityKind Kind { get; set; }
    public string? LeaderMemberId { get; set; }
    public string? AddressLine { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
