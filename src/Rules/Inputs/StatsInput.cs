namespace CommunitySaaS.Rules;

/// <summary>A member's rolling statistics, named <c>stats</c> in rule expressions.</summary>
/// <param name="Points12m">Points earned in the last 12 months.</param>
/// <param name="Spend12m">Amount paid in the last 12 months.</param>
/// <param name="Orders12m">Orders paid in the last 12 months.</param>
/// <param name="SigninStreakDays">Consecutive days the member has signed in, today included.</param>
/// <param name="GroupOrderMembers">Members in the group order being rewarded (0 outside group buys).</param>
/// <param name="Referrals12m">Members referred in the last 12 months.</param>
public sealed record StatsInput(
    long Points12m,
    decimal Spend12m,
    int Orders12m,
    int SigninStreakDays,
    int GroupOrderMembers,
    int Referrals12m);
