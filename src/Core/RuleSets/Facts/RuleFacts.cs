namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// What one evaluation may look at, in this product's own terms (prefixed ids, decimal amounts in the order's
/// currency). Event handlers and the simulator both build these and <see cref="RuleInputMapper"/> turns them into
/// the rules library's inputs, so a draft is simulated on exactly what the live handler would see.
/// Absent parts stay null, as for an event that does not have them.
/// </summary>
public sealed record RuleFacts(
    OrderFacts? Order = null,
    MemberFacts? Member = null,
    AttributionFacts? Attribution = null,
    ActivityFacts? Activity = null,
    StatsFacts? Stats = null);

/// <summary>
/// A paid order. Amounts are decimals in <see cref="Currency"/> (what rule authors write, e.g. <c>order.Total &gt; 50</c>);
/// an order kept in minor units converts once, with <c>Money.ToDecimal</c>, when its facts are built.
/// </summary>
public sealed record OrderFacts(
    string OrderId,
    string ExternalId,
    decimal Total,
    string Currency,
    IReadOnlyList<OrderLineFacts> Lines,
    string? CommunityId,
    string? CommunityKind,
    string? ShareCode,
    DateTimeOffset PaidAt);

/// <summary>One line: <see cref="PaidAmount"/> is what the line cost after discounts; the unit price is derived from it.</summary>
public sealed record OrderLineFacts(string Sku, string? Category, int Quantity, decimal PaidAmount);

public sealed record MemberFacts(
    string MemberId,
    string ExternalId,
    string? Tier,
    DateOnly? Birthday,
    DateTimeOffset JoinedAt,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> CommunityIds);

/// <summary>Who sold the order: the KOS the buyer is bound to (level 1) and that KOS's upline (level 2).</summary>
public sealed record AttributionFacts(KosFacts? Kos, KosFacts? Upline);

public sealed record KosFacts(string KosId, int Level, string? Rank, string? CommunityId, DateTimeOffset ApprovedAt, decimal Sales12m);

public sealed record ActivityFacts(string Type, string? CommunityId, DateTimeOffset OccurredAt, IReadOnlyDictionary<string, string> Properties);

public sealed record StatsFacts(long Points12m, decimal Spend12m, int Orders12m, int SigninStreakDays, int GroupOrderMembers, int Referrals12m);
