using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Rewards;

/// <summary>Creates a reward, or (for an edit) replaces its editable fields. A coupon's stock comes from its code pool, never from here.</summary>
public sealed record SaveReward(
    [property: Required, RegularExpression("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", ErrorMessage = "code must be 1-64 letters, digits, _ . -")] string Code,
    [property: Required, MinLength(1), MaxLength(200), PlainText] string Name,
    [property: Required] RewardKind? Kind,
    [property: Range(1, long.MaxValue, ErrorMessage = "pointsCost must be at least 1.")] long PointsCost,
    [property: MaxLength(2000)] string? Description = null,
    [property: Range(0, long.MaxValue, ErrorMessage = "stock must be 0 or more (leave it out for unlimited).")] long? Stock = null,
    [property: Range(1, int.MaxValue, ErrorMessage = "perMemberLimit must be at least 1 (leave it out for no limit).")] int? PerMemberLimit = null,
    List<string>? AllowedTiers = null,
    DateTimeOffset? ValidFrom = null,
    DateTimeOffset? ValidUntil = null,
    bool Enabled = true) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ValidFrom is { } from && ValidUntil is { } until && until <= from)
            yield return new ValidationResult("validUntil must be after validFrom.", [nameof(ValidUntil)]);
        if (Kind == RewardKind.Coupon && Stock is not null)
            yield return new ValidationResult("A coupon reward's stock is its unused codes: upload codes instead of setting stock.", [nameof(Stock)]);
        if (AllowedTiers is { } tiers && tiers.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 64))
            yield return new ValidationResult("allowedTiers must hold tier codes of 1-64 characters.", [nameof(AllowedTiers)]);
    }
}

public sealed record RewardView(
    string Id, string Code, string Name, string? Description, RewardKind Kind, long PointsCost, long? Stock, int? PerMemberLimit,
    IReadOnlyList<string> AllowedTiers, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, bool Enabled, DateTimeOffset CreatedAt);

public sealed record CodeUploadResult(int Accepted, IReadOnlyList<string> Duplicates, IReadOnlyList<string> Invalid, CodePoolStatus Pool);

public sealed record CodePoolStatus(string RewardId, int Total, int Unused, int HandedOut);

public sealed record RedeemReward(
    [property: Required, MaxLength(Ids.MaxLength)] string RewardId,
    [property: Range(1, RewardLimits.MaxQuantity, ErrorMessage = "quantity must be from 1 to 100.")] int Quantity = 1);

public sealed record RedemptionView(
    string Id, string MemberId, string MemberExternalId, string RewardId, string RewardCode, string RewardName, int Quantity, long Points,
    RedemptionStatus Status, IReadOnlyList<string> Codes, DateTimeOffset CreatedAt, DateTimeOffset? CanceledAt);

/// <summary>Why a redemption was refused; each is its own problem type on the API.</summary>
public enum RedemptionRefusal
{
    InsufficientPoints, BalanceNegative, OutOfStock, LimitReached, NotValidYet, Expired, TierNotAllowed, RewardDisabled,
}

public sealed record RedemptionOutcome(ServiceStatus Status, RedemptionView? View, RedemptionRefusal? Refusal, string? Message)
{
    public static RedemptionOutcome Refused(RedemptionRefusal refusal, string message) => new(ServiceStatus.Conflict, null, refusal, message);
    public static RedemptionOutcome NotFound(string message) => new(ServiceStatus.NotFound, null, null, message);
}
