namespace CommunitySaaS.Plugins.Streaks;

/// <summary><c>Streaks.StreakBonus</c>: the output is <see cref="Streaks.Bonus"/> of the context's arguments.</summary>
public sealed class StreakBonusAction : IRuleAction
{
    public string Name => "Streaks.StreakBonus";

    public string Description => "perDay points for each day of the sign-in streak (streakDays), capped at maxDays days.";

    public IReadOnlyList<string> RequiredArguments { get; } = ["streakDays", "perDay", "maxDays"];

    public decimal Execute(RuleActionArguments arguments) =>
        Streaks.Bonus(arguments.GetInt32("streakDays"), arguments.GetDecimal("perDay"), arguments.GetInt32("maxDays"));
}
