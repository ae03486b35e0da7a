using CommunitySaaS.Core.Tiers;

namespace CommunitySaaS.Admin.Pages.Tiers;

/// <summary>The editable shape of <see cref="CreateTier"/> and <see cref="UpdateTier"/>; validated as those commands.</summary>
public sealed class TierForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int? Rank { get; set; }
    public TierBenefitsForm Benefits { get; set; } = new();

    public static TierForm From(TierView tier) => new()
    {
        Code = tier.Code, Name = tier.Name, Rank = tier.Rank,
        Benefits = new TierBenefitsForm
        {
            PointsMultiplier = tier.Benefits.PointsMultiplier, DiscountPercent = tier.Benefits.DiscountPercent,
            FreeShipping = tier.Benefits.FreeShipping, Custom = tier.Benefits.Custom,
        },
    };

    public CreateTier ToCreate() => new(Code.Trim(), Name, Rank ?? 0, Benefits.ToBenefits());

    public UpdateTier ToUpdate() => new(Name, Rank ?? 0, Benefits.ToBenefits());
}

public sealed class TierBenefitsForm
{
    public decimal PointsMultiplier { get; set; } = 1m;
    public decimal DiscountPercent { get; set; }
    public bool FreeShipping { get; set; }
    public string? Custom { get; set; }

    public TierBenefits ToBenefits() => new(PointsMultiplier, DiscountPercent, FreeShipping, string.IsNullOrWhiteSpace(Custom) ? null : Custom);
}
