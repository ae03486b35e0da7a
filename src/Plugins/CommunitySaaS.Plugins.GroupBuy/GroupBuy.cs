namespace CommunitySaaS.Plugins.GroupBuy;

/// <summary>Group-order functions for rule expressions.</summary>
public static class GroupBuy
{
    /// <summary>True when a group order has at least <paramref name="threshold"/> members.</summary>
    public static bool Reached(int members, int threshold) => threshold > 0 && members >= threshold;

    /// <summary>
    /// The leader's bonus: <paramref name="bonus"/> once <paramref name="minMembers"/> is reached, plus
    /// <paramref name="perExtraMember"/> for each member beyond it; zero below the threshold.
    /// </summary>
    public static decimal LeaderBonus(int members, int minMembers, decimal bonus, decimal perExtraMember) =>
        Reached(members, minMembers) ? bonus + (perExtraMember * (members - minMembers)) : 0m;
}
