using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Tiers;

/// <summary>
/// A membership level a brand offers and what it gives. Who qualifies is the <c>tiers</c> rule set's business (its
/// rules name a tier by code or name); the order of tiers is <see cref="Rank"/> (higher is better), unique per brand.
/// </summary>
[Auditable("tier", Ignore = ["UpdatedAt"])]
public sealed class TierDefinition : ITenantOwned
{
    public string Id { get; init; } = Ids.New("tie");
    public string TenantId { get; set; } = "";
    public required string Code { get; init; }
    public required string Name { get; set; }
    public int Rank { get; set; }
    /// <summary>Applied to earned points by the points feature (1 = no change).</summary>
    public decimal PointsMultiplier { get; set; } = 1m;
    /// <summary>For the storefront to apply at checkout; this service never discounts an order itself.</summary>
    public decimal DiscountPercent { get; set; }
    public bool FreeShipping { get; set; }
    public string? CustomBenefits { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
