using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Members;

/// <summary>What a storefront (or an admin) says about a member; absent fields are left as they were.</summary>
public sealed record UpsertMember(
    [property: MaxLength(200), PlainText] string? Name = null,
    [property: EmailAddress, MaxLength(254), PlainText] string? Email = null,
    [property: Phone, MaxLength(32), PlainText] string? Phone = null,
    [property: PastDate] DateOnly? Birthday = null,
    [property: Tags] IReadOnlyList<string>? Tags = null);

public sealed record MemberCommunity(string CommunityId, string Name, DateTimeOffset JoinedAt);

public sealed record MemberView(
    string Id, string ExternalId, string? Name, string? Email, string? Phone, DateOnly? Birthday,
    IReadOnlyList<string> Tags, IReadOnlyList<MemberCommunity> Communities, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record MemberQuery(string? Search = null, int Limit = PageRequest.DefaultLimit, string? After = null);
