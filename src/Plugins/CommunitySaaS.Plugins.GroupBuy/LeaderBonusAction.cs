namespace CommunitySaaS.Plugins.GroupBuy;

/// <summary>
/// <c>GroupBuy.LeaderBonus</c>: the output is <see cref="GroupBuy.LeaderBonus"/> of the context's
/// <c>members</c>, <c>minMembers</c>, <c>bonus</c> and optional <c>perExtraMember</c> (default 0).
/// </summary>
public sealed class LeaderBonusAction : IRuleAction
{
    public string Name => "GroupBuy.LeaderBonus";

    public string Description =>
        "Bonus for the community leader once a group order has minMembers members, plus perExtraMember for each one more.";

    public IReadOnlyList<string> RequiredArguments { get; } = ["members", "minMembers", "bonus"];

    public decimal Execute(RuleActionArguments arguments)
    {
        var perExtraMember = arguments.Values.ContainsKey("perExtraMember") ? arguments.GetDecimal("perExtraMember") : 0m;
        return GroupBuy.LeaderBonus(
            arguments.GetInt32("members"), arguments.GetInt32("minMembers"), arguments.GetDecimal("bonus"), perExtraMember);
    }
}
