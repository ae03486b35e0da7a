namespace CommunitySaaS.Rules;

/// <summary>
/// A KOS, named <c>kos</c> in rule expressions. In commission rules of level 1 it is the KOS the buyer
/// is bound to; in rules of level 2 it is that KOS's upline.
/// </summary>
/// <param name="Id">The KOS's id in this product.</param>
/// <param name="Level">The KOS's seniority level as the brand grades it (1 = newest).</param>
/// <param name="Rank">The brand's rank name for the KOS, if any.</param>
/// <param name="CommunityId">The community the KOS sells to, if any.</param>
/// <param name="ApprovedAt">When the KOS was approved (UTC).</param>
/// <param name="Sales12m">What the KOS's buyers paid in the last 12 months.</param>
public sealed record KosInput(
    Guid Id,
    int Level,
    string? Rank,
    Guid? CommunityId,
    DateTimeOffset ApprovedAt,
    decimal Sales12m);
