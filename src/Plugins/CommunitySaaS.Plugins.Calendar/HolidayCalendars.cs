namespace CommunitySaaS.Plugins.Calendar;

/// <summary>
/// Public holidays by calendar code (ISO country). Fixed-date holidays recur every year; holidays
/// that move (lunar new year, Easter) are listed per year for the years the product supports.
/// </summary>
internal static class HolidayCalendars
{
    private static readonly Dictionary<string, HashSet<(int Month, int Day)>> FixedDates =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["CN"] = [(1, 1), (5, 1), (5, 2), (5, 3), (10, 1), (10, 2), (10, 3), (10, 4), (10, 5), (10, 6), (10, 7)],
            ["TW"] = [(1, 1), (2, 28), (4, 4), (10, 10)],
            ["HK"] = [(1, 1), (5, 1), (7, 1), (10, 1), (12, 25), (12, 26)],
            ["SG"] = [(1, 1), (5, 1), (8, 9), (12, 25)],
            ["US"] = [(1, 1), (6, 19), (7, 4), (11, 11), (12, 25)],
            ["GB"] = [(1, 1), (12, 25), (12, 26)],
            ["FR"] = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)],
            ["DE"] = [(1, 1), (5, 1), (10, 3), (12, 25), (12, 26)],
            ["JP"] = [(1, 1), (2, 11), (2, 23), (4, 29), (5, 3), (5, 4), (5, 5), (11, 3), (11, 23)],
        };

    private static readonly Dictionary<string, HashSet<DateOnly>> MovingDates =
        new(StringComparer.OrdinalIgnoreCase)
        {
            // Lunar new year's day.
            ["CN"] = [new(2025, 1, 29), new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26)],
            ["TW"] = [new(2025, 1, 29), new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26)],
            ["HK"] = [new(2025, 1, 29), new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26)],
            ["SG"] = [new(2025, 1, 29), new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26)],
            // Easter Monday.
            ["FR"] = [new(2025, 4, 21), new(2026, 4, 6), new(2027, 3, 29), new(2028, 4, 17)],
            ["DE"] = [new(2025, 4, 21), new(2026, 4, 6), new(2027, 3, 29), new(2028, 4, 17)],
            ["GB"] = [new(2025, 4, 21), new(2026, 4, 6), new(2027, 3, 29), new(2028, 4, 17)],
        };

    public static bool IsHoliday(string calendarCode, DateOnly date) =>
        (FixedDates.TryGetValue(calendarCode, out var fixedDates) && fixedDates.Contains((date.Month, date.Day)))
        || (MovingDates.TryGetValue(calendarCode, out var movingDates) && movingDates.Contains(date));
}
