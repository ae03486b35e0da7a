using CommunitySaaS.Rules;

namespace CommunitySaaS.Bench.Rules;

/// <summary>The same two rule sets written directly in C#: the floor for what evaluation can cost.</summary>
public static class HandWritten
{
    public static long Points(RuleInputs inputs)
    {
        var order = inputs.Order!;
        var member = inputs.Member!;
        var stats = inputs.Stats!;
        var points = order.Total > 0 ? decimal.Floor(order.Total) : 0m;
        points += order.Total >= 100 ? 20 : 0;
        points += HasCategory(order, "shoes") ? 15 : 0;
        points += order.CommunityKind == "store" ? 10 : 0;
        points += order.ItemCount >= 5 ? 5 : 0;
        points += member.Tags.Contains("vip") ? 8 : 0;
        points += member.JoinedAt > inputs.Now.AddDays(-30) ? 50 : 0;
        points += inputs.Now.Hour >= 18 ? 12 : 0;
        points += stats.Orders12m >= 10 ? 30 : 0;
        points += stats.Spend12m > 1000 && order.Total > 50 ? 25 : 0;
        return (long)points;
    }

    public static decimal Commission(RuleInputs inputs)
    {
        var order = inputs.Order!;
        var kos = inputs.Kos!;
        var level1 = kos.Rank == "Director" ? 0.15m
            : order.Total >= 1000 ? 0.08m
            : kos.Level >= 3 ? 0.12m
            : order.CommunityKind == "store" ? 0.11m
            : 0.10m;
        var level2 = HasCategory(order, "shoes") && order.Total >= 1000 ? 0.05m
            : inputs.Member!.Tags.Contains("vip") ? 0.045m
            : order.Total >= 500 ? 0.04m
            : inputs.Stats!.Orders12m >= 10 ? 0.035m
            : 0.03m;
        return Math.Min(order.Total * level1, 100m) + Math.Min(order.Total * level2, 100m);
    }

    private static bool HasCategory(OrderInput order, string category)
    {
        foreach (var line in order.Lines)
        {
            if (line.Category == category)
            {
                return true;
            }
        }

        return false;
    }
}
