using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Communities;

/// <summary>A member's stay in a community; leaving closes it rather than deleting it, so history stays.</summary>
[Auditable("community_member", Created = "community.member_joined", Updated = "community.member_left")]
public sealed class CommunityMembership : ITenantOwned
{
    public string Id { get; init; } = Ids.New("cmb");
    public string TenantId { get; set; } = "";
    public required string CommunityId { get; init; }
    public required string MemberId { get; init; }
    public DateTimeOffset JoinedAt { get; init; }
    public DateTimeOffset? LeftAt { get; set; }
}
