using CommunitySaaS.Admin.Shared;
using CommunitySaaS.Core.Rewards;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Admin.Pages.Rewards;

/// <summary>
/// The editable shape of <see cref="SaveReward"/>. Dates are brand days: valid from the start of the first day to the end of the last.
/// </summary>
public sealed class RewardForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public RewardKind? Kind { get; set; } = RewardKind.Product;
    public long? PointsCost { get; set; }
    public long? Stock { get; set; }
    public int? PerMemberLimit { get; set; }
    public IReadOnlyCollection<string> AllowedTiers { get; set; } = [];
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidUntil { get; set; }
    public bool Enabled { get; set; } = true;

    public static RewardForm From(RewardView reward, TenantInfo? tenant) => new()
    {
        Code = reward.Code, Name = reward.Name, Description = reward.Description, Kind = reward.Kind, PointsCost = reward.PointsCost,
        Stock = reward.Kind == RewardKind.Product ? reward.Stock : null, PerMemberLimit = reward.PerMemberLimit, AllowedTiers = reward.AllowedTiers.ToList(),
        ValidFrom = BrandDays.DayOf(reward.ValidFrom, tenant), ValidUntil = BrandDays.DayOf(reward.ValidUntil?.AddTicks(-1), tenant), Enabled = reward.Enabled,
    };

    public SaveReward ToCommand(TenantInfo? tenant) => new(
        Code.Trim(), Name, Kind, PointsCost ?? 0, string.IsNullOrWhiteSpace(Description) ? null : Description,
        Kind == RewardKind.Coupon ? null : Stock, PerMemberLimit, AllowedTiers.ToList(),
        BrandDays.StartOf(ValidFrom, tenant), BrandDays.StartOf(ValidUntil?.AddDays(1), tenant), Enabled);
}
