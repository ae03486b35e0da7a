using CommunitySaaS.Core.Tiers;

namespace CommunitySaaS.Admin.Pages.Tiers;

/// <summary>The editable shape of <see cref="UpdateTierPolicy"/>.</summary>
public sealed class TierPolicyForm
{
    public int? ReevaluationMonths { get; set; }
    public int? GraceDays { get; set; }

    public static TierPolicyForm From(TierPolicyView policy) => new() { ReevaluationMonths = policy.ReevaluationMonths, GraceDays = policy.GraceDays };

    public UpdateTierPolicy ToCommand() => new(ReevaluationMonths ?? 0, GraceDays ?? -1);
}
