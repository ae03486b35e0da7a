using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace CommunitySaaS.Core.Points;

/// <summary>The whole policy, replaced at once.</summary>
public sealed record SaveLoyaltyPolicy(
    [property: Required] ExpiryMode? ExpiryMode,
    [property: Required] ReturnPolicy? ReturnPolicy,
    [property: Range(0, 120)] int? ExpiryCount = null,
    [property: Range(0, 365)] int? PendingDelayDays = null,
    [property: Description("Whole days before expiry on which a member gets the points.expiring_soon digest: at most 5 distinct values from 1 to 365; [] for none; default [30, 7, 1].")]
    int[]? ExpiryNoticeDays = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var (min, max) = ExpiryMode switch
        {
            Points.ExpiryMode.RollingMonths => (1, 120),
            Points.ExpiryMode.EndOfMonth => (0, 120),
            Points.ExpiryMode.EndOfYear => (0, 10),
            _ => (0, 0),
        };
        if (ExpiryMode is not null and not Points.ExpiryMode.Never && (ExpiryCount is null || ExpiryCount < min || ExpiryCount > max))
        {
            yield return new ValidationResult($"expiryCount is required for {ExpiryMode}: from {min} to {max}.", [nameof(ExpiryCount)]);
        }
        if (ExpiryNoticeDays is not null && ExpiryNotices.Problem(ExpiryNoticeDays) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(ExpiryNoticeDays)]);
        }
    }
}

public sealed record LoyaltyPolicyView(
    int? PendingDelayDays, ExpiryMode ExpiryMode, int ExpiryCount, ReturnPolicy ReturnPolicy, IReadOnlyList<int> ExpiryNoticeDays, DateTimeOffset? UpdatedAt,
    string? UpdatedBy)
{
    public static LoyaltyPolicyView Of(LoyaltyPolicy p) =>
        new(p.PendingDelayDays, p.ExpiryMode, p.ExpiryCount, p.ReturnPolicy, p.ExpiryNoticeDays, p.UpdatedAt == default ? null : p.UpdatedAt,
            p.UpdatedBy.Length == 0 ? null : p.UpdatedBy);
}
