using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Tiers;

public sealed record TierBenefits(
    [property: PercentLike] decimal PointsMultiplier = 1m,
    [property: PercentLike] decimal DiscountPercent = 0m,
    bool FreeShipping = false,
    [property: MaxLength(TierLimits.MaxBenefitsLength), PlainText] string? Custom = null);

/// <summary>Creates a tier; <see cref="Code"/> is how rules, the storefront and history name it, and never changes.</summary>
public sealed record CreateTier(
    [property: Required, RegularExpression("^[a-z0-9](?:[a-z0-9_-]{0,31})$", ErrorMessage = "code must be 1-32 lowercase letters, digits, '-' or '_', starting with a letter or digit.")] string Code,
    [property: Required, MinLength(1), MaxLength(TierLimits.MaxNameLength), PlainText] string Name,
    [property: Range(1, 1000, ErrorMessage = "rank must be a whole number from 1 to 1000 (higher is better).")] int Rank,
    [property: Required] TierBenefits Benefits);

/// <summary>Replaces a tier's editable fields.</summary>
public sealed record UpdateTier(
    [property: Required, MinLength(1), MaxLength(TierLimits.MaxNameLength), PlainText] string Name,
    [property: Range(1, 1000, ErrorMessage = "rank must be a whole number from 1 to 1000 (higher is better).")] int Rank,
    [property: Required] TierBenefits Benefits);

public sealed record TierView(string Id, string Code, string Name, int Rank, TierBenefits Benefits, int Members, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record UpdateTierPolicy(
    [property: Range(1, 60, ErrorMessage = "reevaluationMonths must be from 1 to 60.")] int ReevaluationMonths,
    [property: Range(0, 365, ErrorMessage = "graceDays must be from 0 to 365.")] int GraceDays);

public sealed record TierPolicyView(int ReevaluationMonths, int GraceDays);

public sealed record TierNext(string Code, string Name, long? MissingPoints, decimal? MissingSpend);

/// <summary>What the storefront shows: the tier held (the higher of earned and paid), its benefits and what the next one needs.</summary>
public sealed record MemberTierBlock(
    string? Code, string? Name, DateTimeOffset? Since, string? Source, TierBenefits? Benefits,
    DateTimeOffset? ReevaluateAt, DateTimeOffset? GraceUntil, TierNext? Next);

/// <summary>One tier change with its evidence; it names the member so a <c>tier.changed</c> webhook carries it alone.</summary>
public sealed record TierChangeView(
    string Id, string MemberId, string MemberExternalId, string? From, string? To, string Source, TierChangeReason Reason, string Trigger,
    string? RuleSetVersionId, int? RuleSetVersion, string? Rule, long Points12m, decimal Spend12m, int Orders12m,
    DateTimeOffset? GraceUntil, DateTimeOffset At);

public sealed record TierCount(string? Code, string Name, long Members);
