namespace CommunitySaaS.Rules;

/// <summary>The member the rule is about, named <c>member</c> in rule expressions.</summary>
/// <param name="Id">The member's id in this product.</param>
/// <param name="ExternalId">The storefront's own customer id.</param>
/// <param name="Tier">The member's current tier name, if any.</param>
/// <param name="Birthday">The member's birthday, if known.</param>
/// <param name="JoinedAt">When the member joined (UTC).</param>
/// <param name="Tags">The brand's tags on the member.</param>
/// <param name="CommunityIds">The communities the member belongs to.</param>
public sealed record MemberInput(
    Guid Id,
    string ExternalId,
    string? Tier,
    DateOnly? Birthday,
    DateTimeOffset JoinedAt,
    IReadOnlyList<string> Tags,
    IReadOnlyList<Guid> CommunityIds);
