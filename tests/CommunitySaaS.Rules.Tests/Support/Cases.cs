namespace CommunitySaaS.Rules.Tests.Support;

/// <summary>Inputs for the corpora: one brand's typical order, and the largest case a simulation may send.</summary>
internal static class Cases
{
    public static readonly string[] Plugins = ["Calendar", "GroupBuy", "Streaks"];

    /// <summary>Saturday 14 March 2026, 10:00 UTC: a Gold member born in March, joined January 2024, buys 250.00 in a store through a level-2 KOS.</summary>
    public static RuleInputs Typical(ActivityInput? activity = null) => new(
        Sample.Now,
        new OrderInput(
            Guid.NewGuid(), "WEB-1001", 250.00m, "USD",
            [new("SHOE-1", "shoes", 1, 120.00m, 120.00m), new("SOCK-2", "socks", 3, 10.00m, 30.00m), new("BAG-3", "bags", 1, 100.00m, 100.00m)],
            Guid.NewGuid(), "store", Sample.Now),
        new MemberInput(Guid.NewGuid(), "cust-1", "Gold", new DateOnly(1990, 3, 20), new DateTimeOffset(2024, 1, 10, 0, 0, 0, TimeSpan.Zero), ["vip", "newsletter"], []),
        new KosInput(Guid.NewGuid(), 2, "Star", null, Sample.Now.AddYears(-1), 5_000m),
        new KosInput(Guid.NewGuid(), 3, "Leader", null, Sample.Now.AddYears(-3), 50_000m),
        activity,
        new StatsInput(1_500, 2_500m, 12, 8, 12, 3));

    /// <summary>
    /// The largest inputs a simulation request may carry: 100 lines with 100-character SKUs and categories, the
    /// longest tags and ids; text that a rule might use as a format or a count is all nines.
    /// </summary>
    public static RuleInputs Largest()
    {
        var lines = Enumerable.Range(0, 100)
            .Select(i => new OrderLineInput($"{i:D3}{new string('9', 97)}", $"{i % 7}{new string('c', 99)}", 100_000, 9_999m, 999_900_000m))
            .ToArray();
        var order = new OrderInput(Guid.NewGuid(), new string('9', 100), 99_990_000_000m, "USD", lines, null, new string('9', 16), Sample.Now);
        var tags = Enumerable.Range(0, 50).Select(i => $"{i:D2}{new string('t', 48)}").ToArray();
        var member = new MemberInput(Guid.NewGuid(), new string('9', 100), new string('9', 50), new DateOnly(1990, 3, 20), Sample.Now.AddYears(-2), tags, []);
        var properties = Enumerable.Range(0, 20).ToDictionary(i => $"p{i}", _ => new string('9', 200));
        return new RuleInputs(
            Sample.Now, order, member, new KosInput(Guid.NewGuid(), 100, new string('9', 50), null, Sample.Now, 1_000_000m), null,
            new ActivityInput(new string('9', 40), null, Sample.Now, properties), new StatsInput(1_000_000_000, 1_000_000m, 1_000_000, 36_500, 1_000_000, 1_000_000));
    }
}
