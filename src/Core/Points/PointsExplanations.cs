using System.Globalization;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tiers;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.Points;

/// <summary>How an entry names the rules behind it: "OrderPaid", "GoldBoost×1.5", "tier:GOLD×2".</summary>
internal static class PointsExplanations
{
    public static List<string> Fired(RuleEvaluationRecord record, MemberTierView? tier, decimal multiplier)
    {
        var names = record.FiredRules.Select(Name).ToList();
        if (tier is not null && multiplier != 1m) names.Add($"tier:{tier.Code}×{multiplier.ToString("0.####", CultureInfo.InvariantCulture)}");
        return names;
    }

    public static string Name(FiredRuleRecord rule) =>
        rule.Kind == RuleOutputKind.Multiplier ? $"{rule.RuleName}×{rule.Output.ToString("0.####", CultureInfo.InvariantCulture)}" : rule.RuleName;
}
