namespace CommunitySaaS.Plugins.Streaks;

/// <summary>Sign-in streak functions for rule expressions.</summary>
public static class Streaks
{
    /// <summary>True when the streak is at least <paramref name="days"/> long.</summary>
    public static bool Reached(int streakDays, int days) => days > 0 && streakDays >= days;

    /// <summary>True on every <paramref name="every"/>-th day of a streak (day 7, 14, ... for 7).</summary>
    public static bool IsMilestone(int streakDays, int every) => every > 0 && streakDays > 0 && streakDays % every == 0;

    /// <summary><paramref name="perDay"/> for each streak day, counting at most <paramref name="maxDays"/> days.</summary>
    public static decimal Bonus(int streakDays, decimal perDay, int maxDays) =>
        perDay * Math.Clamp(streakDays, 0, Math.Max(maxDays, 0));
}
