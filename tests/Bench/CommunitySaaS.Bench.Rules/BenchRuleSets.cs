using System.Text.Json;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Bench.Rules;

/// <summary>The two 10-rule rule sets benchmarked, and inputs on which every path gives the same result.</summary>
public static class BenchRuleSets
{
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 19, 0, 0, TimeSpan.Zero);

    public static readonly OrderInput Order = new(
        Guid.NewGuid(), "ext-42", 240m, "USD",
        [new("SKU-1", "shoes", 1, 120m, 120m), new("SKU-2", "socks", 4, 30m, 120m)],
        Guid.NewGuid(), "store", Now);

    public static readonly MemberInput Member = new(Guid.NewGuid(), "cust-7", "Gold", new DateOnly(1990, 3, 2), Now.AddDays(-400), ["vip"], []);

    public static readonly KosInput Kos = new(Guid.NewGuid(), 4, "Senior", null, Now.AddYears(-1), 12_000m);

    public static readonly KosInput Upline = new(Guid.NewGuid(), 6, "Director", null, Now.AddYears(-3), 80_000m);

    public static readonly StatsInput Stats = new(1_200, 1_500m, 12, 3, 0, 1);

    public static readonly ActivityInput Activity = new("order.paid", null, Now, new Dictionary<string, string>());

    public static readonly RuleInputs Inputs = new(Now, Order, Member, Kos, Upline, Activity, Stats);

    public static string Points(int variant = 0) => Workflow("points",
        PointsRule("Base", "order.Total > 0", "order.Total"),
        PointsRule("BigBasket", $"order.Total >= {100 + variant}", "20"),
        PointsRule("Shoes", "order.Lines.Any(l => l.Category == \"shoes\")", "15"),
        PointsRule("Store", "order.CommunityKind == \"store\"", "10"),
        PointsRule("ManyItems", "order.ItemCount >= 5", "5"),
        PointsRule("Vip", "member.Tags.Contains(\"vip\")", "8"),
        PointsRule("NewMember", "member.JoinedAt > now.AddDays(-30)", "50"),
        PointsRule("Evening", "now.Hour >= 18", "12"),
        PointsRule("Loyal", "stats.Orders12m >= 10", "30"),
        PointsRule("HighSpend", "stats.Spend12m > 1000 && order.Total > 50", "25"));

    public static string Commission() => Workflow("commission",
        CommissionRule("L1Default", "true", 1, 0, "0.10"),
        CommissionRule("L1Store", "order.CommunityKind == \"store\"", 1, 5, "0.11"),
        CommissionRule("L1Senior", "kos.Level >= 3", 1, 10, "0.12"),
        CommissionRule("L1BigOrder", "order.Total >= 1000", 1, 15, "0.08"),
        CommissionRule("L1Director", "kos.Rank == \"Director\"", 1, 20, "0.15"),
        CommissionRule("L2Default", "true", 2, 0, "0.03"),
        CommissionRule("L2Loyal", "stats.Orders12m >= 10", 2, 5, "0.035"),
        CommissionRule("L2Big", "order.Total >= 500", 2, 10, "0.04"),
        CommissionRule("L2Vip", "member.Tags.Contains(\"vip\")", 2, 15, "0.045"),
        CommissionRule("L2Shoes", "order.Lines.Any(l => l.Category == \"shoes\") && order.Total >= 1000", 2, 20, "0.05"));

    private static string Workflow(string name, params object[] rules) => JsonSerializer.Serialize(new { WorkflowName = name, Rules = rules });

    private static object PointsRule(string name, string expression, string output) => new
    {
        RuleName = name,
        Expression = expression,
        Properties = new Dictionary<string, object> { ["event"] = "order.paid", ["priority"] = 0 },
        Actions = Output(output),
    };

    private static object CommissionRule(string name, string expression, int level, int priority, string rate) => new
    {
        RuleName = name,
        Expression = expression,
        Properties = new Dictionary<string, object> { ["level"] = level, ["priority"] = priority, ["basis"] = "rate", ["cap"] = 100 },
        Actions = Output(rate),
    };

    private static object Output(string expression) => new { OnSuccess = new { Name = "OutputExpression", Context = new { Expression = expression } } };
}
