using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Tiers;

/// <summary>
/// A brand's tier policy: how long an earned tier is held before it is checked again and how long a member who no
/// longer qualifies keeps it after that date. One row per brand; a brand without one has <see cref="Default"/>.
/// </summary>
[Auditable("tier_policy", Ignore = ["UpdatedAt"])]
public sealed class TierPolicy : ITenantOwned
{
    public const int DefaultReevaluationMonths = 12;
    public const int DefaultGraceDays = 30;

    public string TenantId { get; set; } = "";
    public int ReevaluationMonths { get; set; } = DefaultReevaluationMonths;
    public int GraceDays { get; set; } = DefaultGraceDays;
    public DateTimeOffset UpdatedAt { get; set; }

    public static TierPolicy Default => new();
}
