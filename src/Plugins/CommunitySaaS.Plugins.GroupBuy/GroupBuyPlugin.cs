namespace CommunitySaaS.Plugins.GroupBuy;

/// <summary>Rewards community leaders whose group orders gather enough members.</summary>
public sealed class GroupBuyPlugin : IRulesPlugin
{
    public string Name => "GroupBuy";

    public Version Version { get; } = new(1, 0, 0);

    public string Description =>
        "Community-leader bonus when a group order reaches N members, e.g. GroupBuy.Reached(stats.GroupOrderMembers, 10).";

    public IReadOnlyList<Type> FunctionTypes { get; } = [typeof(GroupBuy)];

    public IReadOnlyList<IRuleAction> Actions { get; } = [new LeaderBonusAction()];
}
