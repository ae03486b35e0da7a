namespace CommunitySaaS.Rules.Tests.Support;

/// <summary>Typed inputs for tests.</summary>
internal static class Sample
{
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);

    public static OrderInput Order(decimal total, params OrderLineInput[] lines) =>
        new(Guid.NewGuid(), "ext-1", total, "USD", lines.Length == 0 ? [Line("SKU-1", total)] : lines, null, null, Now);

    public static OrderLineInput Line(string sku, decimal amount, string? category = "general", int quantity = 1) =>
        new(sku, category, quantity, amount / quantity, amount);

    public static MemberInput Member(string? tier = null, DateOnly? birthday = null) =>
        new(Guid.NewGuid(), "cust-1", tier, birthday, Now.AddYears(-2), ["vip"], []);

    public static KosInput Kos(int level = 1, string? rank = null) => new(Guid.NewGuid(), level, rank, null, Now.AddYears(-1), 5_000m);

    public static StatsInput Stats(decimal spend12m = 0, int streak = 0, int groupMembers = 0, int orders12m = 0) =>
        new(0, spend12m, orders12m, streak, groupMembers, 0);

    public static ActivityInput Activity(string type, params (string Key, string Value)[] properties) =>
        new(type, null, Now, properties.ToDictionary(property => property.Key, property => property.Value));

    public static RuleInputs Inputs(
        OrderInput? order = null, MemberInput? member = null, KosInput? kos = null, KosInput? upline = null,
        ActivityInput? activity = null, StatsInput? stats = null, DateTimeOffset? now = null) =>
        new(now ?? Now, order, member ?? Member(), kos, upline, activity, stats ?? Stats());
}
