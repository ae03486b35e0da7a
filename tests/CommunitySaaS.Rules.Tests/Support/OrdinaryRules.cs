using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests.Support;

/// <summary>
/// Rules a brand writes for points, tiers and commission, each with what it must give on <see cref="Cases.Typical"/>:
/// points for points rules (multipliers on top of a base rule giving order.Total, 250), the tier for tier rules (null when
/// it must not match), the level's amount for commission rules.
/// </summary>
internal static class OrdinaryRules
{
    public sealed record Entry(string Name, RuleSetKind Kind, object Rule, string? Event, object? Expected, ActivityInput? Activity = null)
    {
        public override string ToString() => Name;
    }

    private static readonly ActivityInput Review = Sample.Activity("review", ("stars", "5"));
    private static readonly ActivityInput Checkin = Sample.Activity("checkin");
    private static readonly ActivityInput Signin = Sample.Activity("signin");

    public static readonly Entry[] All =
    [
        P("OrderPoints", "order.Total > 0", "order.Total", 250L),
        P("BigBasket", "order.Total >= 200", "50", 50L),
        P("ShoesBonus", "order.Lines.Any(l => l.Category == \"shoes\")", "20", 20L),
        P("DoubleOnShoes", "true", "order.Lines.Where(l => l.Category == \"shoes\").Sum(l => l.Amount) * 2", 240L),
        P("PerItem", "order.ItemCount >= 5", "order.ItemCount * 3", 15L),
        P("GoldHalf", "member.Tier == \"Gold\"", "order.Total / 2", 125L),
        P("VipTag", "member.Tags.Contains(\"vip\")", "100", 100L),
        P("BirthdayMonth", "Calendar.IsBirthdayMonth(member.Birthday, now)", "200", 200L),
        P("Weekend", "Calendar.IsWeekend(now)", "30", 30L),
        P("Saturday", "now.DayOfWeek == DayOfWeek.Saturday", "10", 10L),
        P("InStore", "order.CommunityKind == \"store\"", "15", 15L),
        P("InStoreGuarded", "np(order.CommunityKind) == \"store\" && order.Total > 100", "25", 25L),
        P("TenthInMainCurrencies", "order.Currency in (\"USD\", \"EUR\")", "Math.Floor(order.Total / 10)", 25L),
        P("HasTier", "member.Tier.Length > 0", "1", 1L),
        P("GoldAnyCase", "member.Tier.Equals(\"gold\", StringComparison.OrdinalIgnoreCase)", "5", 5L),
        P("ThirdRounded", "true", "Math.Round(order.Total / 3, 2, MidpointRounding.AwayFromZero)", 83L),
        P("RoundedHalf", "true", "Math.Round(order.Total / 8, MidpointRounding.ToEven)", 31L),
        P("TotalAsText", "order.Total.ToString() == \"250.00\"", "1", 1L),
        P("TotalFormatted", "order.Total.ToString(\"N2\") == \"250.00\"", "1", 1L),
        P("WebOrder", "order.ExternalId.StartsWith(\"WEB-\")", "5", 5L),
        P("WebOrderOrdinal", "order.ExternalId.StartsWith(\"web-\", StringComparison.OrdinalIgnoreCase)", "6", 6L),
        P("ThreeLines", "order.Lines.Count() >= 3", "order.Lines.Count() * 2", 6L),
        P("ExpensiveLine", "order.Lines.Max(l => l.Amount) >= 100", "10", 10L),
        P("ThreeCategories", "order.Lines.Select(l => l.Category).Distinct().Count() == 3", "12", 12L),
        P("AllQuantities", "order.Lines.All(l => l.Quantity > 0)", "3", 3L),
        P("TopLineIsShoes", "order.Lines.OrderByDescending(l => l.Amount).First().Sku == \"SHOE-1\"", "7", 7L),
        P("FirstSkuAlphabetically", "order.Lines.OrderBy(l => l.Sku).First().Sku == \"BAG-3\"", "4", 4L),
        P("Anniversary", "now.Subtract(member.JoinedAt).TotalDays >= 365", "Calendar.YearsSince(member.JoinedAt, now) * 10", 20L),
        P("BirthdayValue", "member.Birthday != null && member.Birthday.Value.Month == now.Month", "50", 50L),
        P("MorningOrder", "order.PaidAt.UtcDateTime.Hour >= 9 && order.PaidAt.UtcDateTime.Hour < 12", "5", 5L),
        P("SeniorKos", "kos != null && kos.Level >= 2", "20", 20L),
        P("FrequentBuyer", "stats.Orders12m >= 10", "order.Total * 2", 500L),
        P("QuantitiesAddUp", "order.Lines.Sum(l => l.Quantity) == order.ItemCount", "1", 1L),
        P("Socks", "order.Lines.Where(l => l.Sku.Contains(\"SOCK\")).Sum(l => l.Quantity) >= 3", "9", 9L),
        P("MarchPromo", "DateOnly.FromDateTime(now.UtcDateTime) >= DateOnly(2026, 3, 1) && DateOnly.FromDateTime(now.UtcDateTime) <= DateOnly(2026, 3, 31)", "40", 40L),
        P("MarchByText", "now >= DateTimeOffset.Parse(\"2026-03-01T00:00:00Z\") && now < DateTimeOffset.Parse(\"2026-04-01\")", "35", 35L),
        P("MarchByDateTime", "now >= DateTime(2026, 3, 1) && now < DateTime.Parse(\"2026-04-01\")", "36", 36L),
        P("NotAHoliday", "Calendar.IsHoliday(now, \"US\") == false", "1", 1L),
        P("NamedDay", "Calendar.IsDayOfWeek(now, \"Saturday\")", "8", 8L),
        P("Tiered", "order.Total > 100 ? true : false", "order.Total > 200 ? 30 : 10", 30L),
        P("CustomerCode", "member.ExternalId.ToUpper() == \"CUST-1\"", "2", 2L),
        P("TagCount", "member.Tags.Count > 1", "member.Tags.Count", 2L),
        P("PremiumNotSocks", "order.Lines.Any(l => l.UnitPrice >= 100 && l.Category != \"socks\")", "11", 11L),
        P("CrossSell", "order.Lines.Any(a => order.Lines.Any(b => a.Category == \"shoes\" && b.Category == \"socks\"))", "13", 13L),
        P("LineLabel", "order.Lines.Any(l => (l.Sku + \":\" + l.Quantity) == \"SOCK-2:3\")", "14", 14L),
        P("AmountLabel", "(\"total \" + order.Total) == \"total 250.00\"", "16", 16L),
        P("DecimalText", "decimal.Parse(\"1.5\") == 1.5m || Convert.ToDecimal(\"1.5\") > 1", "17", 17L),
        M("GoldMultiplier", "member.Tier == \"Gold\"", "1.5", 375L),
        M("TierMultiplier", "true", "2", 500L, tier: "Gold"),
        M("BirthdayDouble", "Calendar.IsBirthdayMonth(member.Birthday, now)", "2", 500L),
        P("Checkin", "activity.Type == \"checkin\"", "10", 10L, "checkin", Checkin),
        P("FiveStars", "activity.Properties[\"stars\"] == \"5\"", "20", 20L, "review", Review),
        P("StarsConverted", "Convert.ToInt32(activity.Properties[\"stars\"]) >= 4", "Convert.ToInt32(activity.Properties[\"stars\"]) * 5", 25L, "review", Review),
        P("StarsParsed", "int.Parse(activity.Properties[\"stars\"]) >= 4", "15", 15L, "review", Review),
        P("StreakBonus", "Streaks.Reached(stats.SigninStreakDays, 7)", "Streaks.Bonus(stats.SigninStreakDays, 2, 30)", 16L, "signin", Signin),
        new("StreakAction", RuleSetKind.Points, Action("StreakAction", "true", "Streaks.StreakBonus",
            new Dictionary<string, object> { ["streakDays"] = "stats.SigninStreakDays", ["perDay"] = 5, ["maxDays"] = 7 }), "signin", 35L, Signin),
        P("StreakMilestone", "Streaks.IsMilestone(stats.SigninStreakDays, 4)", "40", 40L, "signin", Signin),
        new("LeaderAction", RuleSetKind.Points, Action("LeaderAction", "true", "GroupBuy.LeaderBonus",
            new Dictionary<string, object> { ["members"] = "stats.GroupOrderMembers", ["minMembers"] = 10, ["bonus"] = 500, ["perExtraMember"] = 20 }, "order.paid"), "order.paid", 540L),
        P("LeaderFunction", "GroupBuy.Reached(stats.GroupOrderMembers, 10)", "GroupBuy.LeaderBonus(stats.GroupOrderMembers, 10, 100, 5)", 110L),
        P("Referral", "stats.Referrals12m < 10", "50", 50L, "referral"),
        T("Gold", "stats.Spend12m >= 2000 || stats.Orders12m >= 20", "Gold"),
        T("Vip", "stats.Points12m >= 1000 && member.Tags.Contains(\"vip\")", "Vip"),
        T("Black", "stats.Spend12m >= 10000", null),
        T("Silver", "stats.Spend12m >= 500", "Silver"),
        T("Loyal", "now.Subtract(member.JoinedAt).TotalDays > 700 && stats.Orders12m >= 10", "Loyal"),
        C("TenPercent", "true", 1, "0.10", 25.0m),
        C("SeniorRate", "kos.Level >= 2", 1, "0.12", 30.0m),
        C("BagsFixed", "order.Lines.Any(l => l.Category == \"bags\")", 1, "15", 15m, basis: "fixed"),
        C("StarCapped", "kos.Rank == \"Star\"", 1, "0.2", 40m, cap: 40m),
        C("Upline", "true", 2, "0.03", 7.5m),
        C("BySales", "kos.Sales12m >= 1000", 1, "order.Total >= 200 ? 0.08 : 0.05", 20m),
        C("ByLevel", "order.CommunityKind == \"store\"", 1, "Math.Min(0.15, 0.05 * kos.Level)", 25m),
        C("March", "now.Month == 3", 1, "0.11", 27.5m),
    ];

    private static Entry P(string name, string expression, string output, long points, string eventName = "order.paid", ActivityInput? activity = null) =>
        new(name, RuleSetKind.Points, Points(name, expression, output, eventName), eventName, points, activity);

    private static Entry M(string name, string expression, string output, long points, string? tier = null) =>
        new(name, RuleSetKind.Points, Points(name, expression, output, multiplier: true, tier: tier), "order.paid", points);

    private static Entry T(string name, string expression, string? tier) =>
        new(name, RuleSetKind.Tiers, Tier(name, expression, name, 1), null, tier);

    private static Entry C(string name, string expression, int level, string output, decimal amount, string basis = "rate", decimal? cap = null) =>
        new(name, RuleSetKind.Commission, Commission(name, expression, level, output, basis: basis, cap: cap), null, amount);
}
