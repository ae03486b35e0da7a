using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Communities;

public sealed record Address(
    [property: Required, MaxLength(300), PlainText] string Line,
    [property: Required, MaxLength(100), PlainText] string City,
    [property: MaxLength(100), PlainText] string? Region = null,
    [property: MaxLength(20), PlainText] string? PostalCode = null,
    [property: Required, RegularExpression("^[A-Z]{2}$", ErrorMessage = "Country must be an ISO 3166 alpha-2 code such as CN.")] string Country = "");

/// <summary>Creates a community, or (for an edit) replaces its editable fields.</summary>
public sealed record SaveCommunity(
    [property: Required, MinLength(1), MaxLength(200), PlainText] string Name,
    [property: Required] CommunityKind? Kind,
    [property: ExternalId] string? LeaderExternalId = null,
    Address? Address = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind == CommunityKind.OfflineStore && Address is null)
        {
            yield return new ValidationResult("An offline store needs an address.", [nameof(Address)]);
        }
    }
}

public sealed record JoinCommunity([property: Required, ExternalId] string MemberExternalId);

public sealed record CommunityView(
    string Id, string Name, CommunityKind Kind, string? LeaderMemberId, string? LeaderExternalId,
    Address? Address, int MemberCount, DateTimeOffset CreatedAt);

public sealed record CommunityMemberView(string MemberId, string ExternalId, string? Name, DateTimeOffset JoinedAt);

public sealed record CommunityQuery(string? Search = null, CommunityKind? Kind = null, int Limit = PageRequest.DefaultLimit, string? After = null);
