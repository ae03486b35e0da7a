using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests.Support;

/// <summary>
/// Expressions an attacker writes: memory bombs, CPU bombs, reflection, clocks, I/O, overflow. Each is either refused
/// at validation or, when it is legal but hostile on <see cref="Cases.Largest"/>, stopped at evaluation with the failure named.
/// </summary>
internal static class HostileRules
{
    public enum Outcome
    {
        Refused,
        Budget,
        Overflow,
        Error,
    }

    public sealed record Entry(string Name, Outcome Expected, object[] Rules);

    private const string Cube = "order.Lines.SelectMany(a => order.Lines).SelectMany(b => order.Lines)";

    public static readonly Entry[] All =
    [
        // Memory: constant formats asking for huge precision or width.
        R("order.Total.ToString(\"D999999999\") != \"\""),
        R("order.ItemCount.ToString(\"D999999999\") != \"\""),
        R("order.Total.ToString(\"E999999999\") != \"\""),
        R("order.Total.ToString(\"F999999999\") != \"\""),
        R("order.Total.ToString(\"N999999999\") != \"\""),
        R("order.Total.ToString(\"P999999999\") != \"\""),
        R("order.ItemCount.ToString(\"X999999999\") != \"\""),
        R("order.Total.ToString(\"C999999999\") != \"\""),
        R("stats.Points12m.ToString(\"D2147483647\") != \"\""),
        R("kos.Sales12m.ToString(\"G999999999\") != \"\""),
        R("order.ItemCount.ToString(\"D31\") != \"\""),
        R("order.Total.ToString(\"e999999999\") != \"\""),
        R("order.ItemCount.ToString(\"B999999999\") != \"\""),
        R("Convert.ToDouble(order.Total).ToString(\"R999999999\") != \"\""),
        R("member.Birthday.Value.ToString(\"D999999999\") != \"\""),
        R($"now.ToString(\"{new string('d', 40)}\") != \"\""),
        R($"now.TimeOfDay.ToString(\"{new string('h', 40)}\") != \"\""),
        R($"order.Total.ToString(\"{new string('0', 40)}\") != \"\""),
        // Memory: formats that are not constants, cut at evaluation.
        E("order.Total.ToString(\"N\" + order.ExternalId) != \"\""),
        E("order.ItemCount.ToString(\"D\" + member.Tier) != \"\""),
        E("order.ItemCount.ToString(\"D\" + order.ExternalId.Substring(0, 9)) != \"\""),
        E("now.ToString(activity.Properties[\"p1\"]) != \"\""),
        E("order.Lines.Any(l => l.Quantity.ToString(\"D\" + l.Sku.Substring(3, 9)) != \"\")"),
        // Memory: text builders that are not on the lists.
        R("order.ExternalId.PadLeft(int.MaxValue) != \"\""),
        R("order.ExternalId.PadRight(1000000000) != \"\""),
        R("string(' ', 1000000000) != \"\""),
        R("string('x', order.ItemCount * 100000) != \"\""),
        R("new string('x', 100) != \"\""),
        R("order.ExternalId.Replace(\"9\", order.ExternalId) != \"\""),
        R("order.ExternalId.Insert(0, order.ExternalId) != \"\""),
        R("string.Join(order.ExternalId, member.Tags) != \"\""),
        R("string.Concat(Enumerable.Repeat(order.ExternalId, 100000000)) != \"\""),
        R("order.Lines.Aggregate(\"\", (a, l) => a + a + l.Sku) != \"\""),
        R("string.Format(\"{0,1000000000}\", 1) != \"\""),
        R("order.ExternalId.Split(\"9\").Length > 0"),
        R("String.Copy(order.ExternalId) != \"\""),
        R("order.ExternalId.ToCharArray().Length > 0"),
        R("StringBuilder(100) != null"),
        R("string.Concat(order.Lines.Select(l => l.Amount)) != \"\""),
        // Memory and CPU: text grown from list products, counted element by element.
        B($"string.Concat({Cube}.Select(c => c.Sku)) != \"\""),
        B("string.Concat(order.Lines.SelectMany(a => member.Tags).SelectMany(t => order.Lines).Select(l => l.Sku + l.Category)) != \"\""),
        R("string.Concat(order.ExternalId.SelectMany(c => order.ExternalId).SelectMany(c => order.ExternalId)) != \"\""),
        R("(\"lines: \" + order.Lines) != \"\""),
        B("order.Lines.Select(l => l.Sku).Concat(order.Lines.Select(l => l.Sku)).SelectMany(s => order.Lines).SelectMany(s => order.Lines).Count() > 0"),
        // CPU: list products through operators that take no lambda.
        B("order.Lines.SelectMany(a => order.Lines.SelectMany(b => order.Lines)).Count() > 0"),
        B($"{Cube}.SelectMany(c => order.Lines).Any(l => l.Sku == \"x\")"),
        B($"{Cube}.Distinct().Count() > 0"),
        B($"{Cube}.Except(order.Lines).Any()"),
        B($"{Cube}.Last().Sku != \"\""),
        B($"{Cube}.ToList().Count > 0"),
        B($"{Cube}.ToArray().Length > 0"),
        B($"{Cube}.OrderBy(l => l.Sku).First().Sku != \"\""),
        B($"{Cube}.GroupBy(l => l.Category).Count() > 0"),
        B($"{Cube}.Union(order.Lines).Count() > 0"),
        B($"{Cube}.Intersect(order.Lines).Count() >= 0"),
        B($"{Cube}.Sum(l => 1) > 0"),
        O($"{Cube}.Sum(l => l.Quantity) > 0", "1"),
        B($"{Cube}.Skip(999999).Any()"),
        B($"{Cube}.Skip(500000).First().Sku != \"\""),
        B($"{Cube}.LongCount() > 0"),
        B($"{Cube}.Max(l => l.Amount) > 0"),
        B($"{Cube}.Average(l => l.Amount) > 0"),
        B("order.Lines.SelectMany(a => order.Lines).Concat(order.Lines.SelectMany(a => order.Lines)).SelectMany(x => order.Lines).Count() > 0"),
        B("order.Lines.SelectMany(a => order.Lines).SelectMany(b => member.Tags).SelectMany(t => order.Lines).Any(l => false)"),
        B($"{Cube}.Select(l => l.Quantity).Contains(-1) == false"),
        B($"{Cube}.DefaultIfEmpty().Count() > 0"),
        B("order.Lines.Select(a => order.Lines.SelectMany(b => order.Lines).Count()).Sum() > 0"),
        B("order.Lines.All(a => order.Lines.SelectMany(b => order.Lines).Any(c => c.Sku == \"none\") == false)"),
        B($"{Cube}.Where(l => l.Quantity > 0).Take(1000000).Count() > 0"),
        B("order.Lines.Where(a => order.Lines.SelectMany(b => member.Tags).Contains(\"none\") == false).Count() > 0"),
        B("member.Tags.SelectMany(t => member.Tags).SelectMany(t => member.Tags).SelectMany(t => member.Tags).Count() > 0"),
        B($"{Cube}.Select(l => l.Sku).ToList().Contains(\"none\")"),
        B($"{Cube}.Single(l => l.Sku == \"none\") != null"),
        B($"{Cube}.First(l => l.Sku == \"none\") != null"),
        B($"{Cube}.Select(l => l.Sku).Reverse().Any()", refusedInstead: true),
        B("order.Lines.Any(a => member.Tags.SelectMany(t => member.Tags).ToList().Contains(a.Sku))"),
        new("CubeInOutput", Outcome.Budget, [Points("Hostile", "true", $"{Cube}.Sum(l => l.Amount)")]),
        new("CubeInActionArgument", Outcome.Budget, [Action("Hostile", "true", "Streaks.StreakBonus",
            new Dictionary<string, object> { ["streakDays"] = $"{Cube}.Count()", ["perDay"] = 1, ["maxDays"] = 1 }, "order.paid")]),
        // CPU: generated sequences and loops too deep.
        R("Enumerable.Range(0, int.MaxValue).Count() > 0"),
        R("Enumerable.Repeat(1, int.MaxValue).Sum() > 0"),
        R("order.Lines.Any(a => order.Lines.Any(b => order.Lines.Any(c => true)))"),
        R("member.Tags.Select(t => member.Tags.Select(u => member.Tags.Select(v => v))).Count() > 0"),
        // Plugins: loops through their functions, overflowing arguments.
        B($"{Cube}.Any(l => Calendar.IsHoliday(now, l.Sku))"),
        B($"{Cube}.Count(l => Streaks.IsMilestone(l.Quantity, 7)) > 0"),
        O("true", "Streaks.Bonus(int.MaxValue, decimal.MaxValue, int.MaxValue)"),
        O("true", "GroupBuy.LeaderBonus(stats.GroupOrderMembers, 1, decimal.MaxValue, decimal.MaxValue)"),
        new("LeaderBonusActionOverflow", Outcome.Overflow, [Action("Hostile", "true", "GroupBuy.LeaderBonus",
            new Dictionary<string, object> { ["members"] = "stats.GroupOrderMembers", ["minMembers"] = 1, ["bonus"] = "decimal.MaxValue", ["perExtraMember"] = "decimal.MaxValue" }, "order.paid")]),
        // Overflow: points beyond a ledger, decimals out of range.
        O("true", "decimal.MaxValue"),
        O("true", "order.Total * order.Total * order.Total"),
        O("true", "Math.Pow(10, 400)"),
        O("Convert.ToInt32(order.Total * 1000) > 0", "1"),
        O("decimal.MaxValue + order.Total > 0", "1"),
        O("Math.Abs(int.MinValue + order.ItemCount - order.ItemCount) > 0", "1"),
        O("TimeSpan.FromDays(Convert.ToDouble(order.Total)) > TimeSpan.Zero", "1", Outcome.Overflow),
        new("MultipliersOverflowDecimal", Outcome.Overflow,
            [Points("Base", "true", "order.Total"), Points("Times1e9", "true", "1000000000", multiplier: true), Points("Again1e9", "true", "1000000000", multiplier: true)]),
        new("MultiplierBeyondLong", Outcome.Overflow, [Points("Base", "true", "order.Total"), Points("Times1e9", "true", "1000000000", multiplier: true)]),
        new("AdditiveBeyondLong", Outcome.Overflow,
            [Points("Huge", "true", "9000000000000000000"), Points("Huge2", "true", "9000000000000000000")]),
        // Throwing rules: fail the evaluation, never a silent zero.
        E("DateTime.MaxValue.AddDays(order.ItemCount) > DateTime.MinValue"),
        E("order.Total / (order.ItemCount - order.ItemCount) > 0"),
        E("order.Lines.Where(l => l.Sku == \"none\").First().Amount > 0"),
        E("Math.Round(order.Total, 99) > 0"),
        // Reflection.
        R("order.GetType() != null"),
        R("order.GetType().Assembly.Location != \"\""),
        R("typeof(OrderInput) != null"),
        R("Type.GetType(\"System.IO.File\") != null"),
        R("Activator.CreateInstance(\"x\", \"y\") != null"),
        R("AppDomain.CurrentDomain != null"),
        R("order.Lines.Select(l => l.GetType()).Count() > 0"),
        R("member.Tags.GetType().Name != \"\""),
        R("order.Lines.OfType(\"System.IO.FileInfo\").Count() > 0"),
        R("order.Lines.Cast(\"System.Object\").Count() > 0"),
        R("ExpressionUtils.CheckContains(\"a\", \"a\")"),
        R("Enum.GetNames(now.DayOfWeek.GetType()).Length > 0"),
        R("now.DayOfWeek.GetTypeCode() != null"),
        R("order.ExternalId.GetHashCode() > 0"),
        R("order.ToString() != \"\""),
        // Clocks, time zones, randomness, culture.
        R("DateTime.Now.Hour > 9"),
        R("DateTime.UtcNow > DateTime.MinValue"),
        R("DateTime.Today.Day == 1"),
        R("DateTimeOffset.Now > now"),
        R("DateTimeOffset.UtcNow > now"),
        R("now.LocalDateTime.Hour > 9"),
        R("now.ToLocalTime().Hour > 9"),
        R("now.UtcDateTime.ToLocalTime().Hour > 0"),
        R("now.UtcDateTime.ToUniversalTime() > DateTime.MinValue"),
        R("Convert.ToDateTime(\"2025-01-01\") > DateTime.MinValue"),
        R("DateTime.FromFileTime(0) > DateTime.MinValue"),
        R("DateTime.FromFileTimeUtc(0) > DateTime.MinValue"),
        R("DateTime.FromBinary(0) > DateTime.MinValue"),
        R("now.UtcDateTime.ToFileTime() > 0"),
        R("now.UtcDateTime.IsDaylightSavingTime()"),
        R("TimeZoneInfo.Local != null"),
        R("TimeZoneInfo.Utc != null"),
        R("DateTimeOffset(now.UtcDateTime) > now"),
        R("DateTime.SpecifyKind(now.UtcDateTime, DateTimeKind.Local) > DateTime.MinValue"),
        R("now.UtcDateTime.ToShortDateString() != \"\""),
        R("DateTime.ParseExact(\"2025\", \"yyyy\", null) > DateTime.MinValue"),
        R("Guid.NewGuid() != Guid.Empty"),
        R("Guid.CreateVersion7() != Guid.Empty"),
        R("Random.Shared.Next() > 0"),
        R("Environment.TickCount > 0"),
        R("Stopwatch.GetTimestamp() > 0"),
        R("string.Compare(member.Tier, \"a\", StringComparison.CurrentCulture) > 0"),
        R("member.Tier.Equals(\"gold\", StringComparison.InvariantCultureIgnoreCase)"),
        R("string.Compare(member.Tier, \"gold\", true) == 0"),
        R("order.Lines.Max(l => l.Sku) != \"\""),
        R("member.Tier.StartsWith(\"g\", StringComparison.CurrentCultureIgnoreCase)"),
        R("member.Tier.Equals(\"gold\", (StringComparison)order.ItemCount)"),
        // Files, processes, the environment, the host's own services.
        R("System.IO.File.Exists(\"/etc/passwd\")"),
        R("File.ReadAllText(\"/etc/passwd\") != \"\""),
        R("Directory.Exists(\"/\")"),
        R("System.Diagnostics.Process.Start(\"sh\") != null"),
        R("Process.GetCurrentProcess().Id > 0"),
        R("Environment.GetEnvironmentVariable(\"PATH\") != null"),
        R("Environment.Exit(0) == null"),
        R("Console.ReadLine() != null"),
        R("Path.GetTempPath() != \"\""),
        R("GC.Collect() == null"),
        R("Thread.Sleep(100000) == null"),
        R("AppContext.BaseDirectory != \"\""),
        R("System.Net.Http.HttpClient() != null"),
        R("CommunitySaaS.Rules.RuleSetTemplates.Default(RuleSetKind.Points) != \"\""),
        R("IRuleSetCache != null"),
        // Syntax the parser throws on rather than reports.
        R("order?.Total > 0"),
        R("order?.Lines?.Count > 0"),
    ];

    private static Entry R(string expression) => new(expression, Outcome.Refused, [Points("Hostile", expression, "1")]);

    private static Entry B(string expression, bool refusedInstead = false) =>
        new(expression, refusedInstead ? Outcome.Refused : Outcome.Budget, [Points("Hostile", expression, "1")]);

    private static Entry E(string expression) => new(expression, Outcome.Error, [Points("Hostile", expression, "1")]);

    private static Entry O(string expression, string output, Outcome expected = Outcome.Overflow) =>
        new($"{expression} => {output}", expected, [Points("Hostile", expression, output)]);
}
