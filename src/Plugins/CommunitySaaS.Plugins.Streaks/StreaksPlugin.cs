namespace CommunitySaaS.Plugins.Streaks;

/// <summary>Rewards members for signing in on consecutive days.</summary>
public sealed class StreaksPlugin : IRulesPlugin
{
    public string Name => "Streaks";

    public Version Version { get; } = new(1, 0, 0);

    public string Description =>
        "Consecutive sign-in day checks and growing streak bonuses, e.g. Streaks.IsMilestone(stats.SigninStreakDays, 7).";

    public IReadOnlyList<Type> FunctionTypes { get; } = [typeof(Streaks)];

    public IReadOnlyList<IRuleAction> Actions { get; } = [new StreakBonusAction()];
}
