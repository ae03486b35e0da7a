using System.ComponentModel.DataAnnotations;

namespace CommunitySaaS.Core.Points;

/// <summary>The whole policy, replaced at once.</summary>
public sealed record SaveLoyaltyPolicy(
    [property: Required] ExpiryMode? ExpiryMode,
    [property: Required] ReturnPolicy? ReturnPolicy,
    [property: Range(0, 120)] int? ExpiryCount = null,
    [property: Range(0, 365)] int? PendingDelayDays = null) : IValidatableObject
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
    }
}

public sealed record LoyaltyPolicyView(int? PendingDelayDays, ExpiryMode ExpiryMode, int ExpiryCount, ReturnPolicy ReturnPolicy, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static LoyaltyPolicyView Of(LoyaltyPolicy p) =>
        new(p.PendingDelayDays, p.ExpiryMode, p.ExpiryCount, p.ReturnPolicy, p.UpdatedAt == default ? null : p.UpdatedAt, p.UpdatedBy.Length == 0 ? null : p.UpdatedBy);
}
