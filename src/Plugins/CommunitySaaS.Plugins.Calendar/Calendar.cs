namespace CommunitySaaS.Plugins.Calendar;

/// <summary>
/// Calendar functions for rule expressions. Dates are taken in UTC, like the <c>now</c> input,
/// so that a simulation gives the same answer wherever it runs.
/// </summary>
public static class Calendar
{
    public static bool IsBirthdayMonth(DateOnly? birthday, DateTimeOffset now) =>
        birthday is { } day && day.Month == now.UtcDateTime.Month;

    public static bool IsBirthday(DateOnly? birthday, DateTimeOffset now)
    {
        if (birthday is not { } day)
        {
            return false;
        }

        var today = now.UtcDateTime;
        // Members born on 29 February celebrate on 28 February in common years.
        var birthdayThisYear = day is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(today.Year) ? 28 : day.Day;
        return today.Month == day.Month && today.Day == birthdayThisYear;
    }

    public static bool IsWeekend(DateTimeOffset now) =>
        now.UtcDateTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>True when <paramref name="now"/> falls on the named day, e.g. <c>"Friday"</c>.</summary>
    public static bool IsDayOfWeek(DateTimeOffset now, string dayName) =>
        Enum.TryParse<DayOfWeek>(dayName, ignoreCase: true, out var day) && now.UtcDateTime.DayOfWeek == day;

    /// <summary>True when <paramref name="now"/> is a public holiday of the calendar named by <paramref name="calendarCode"/>.</summary>
    public static bool IsHoliday(DateTimeOffset now, string calendarCode) =>
        HolidayCalendars.IsHoliday(calendarCode, DateOnly.FromDateTime(now.UtcDateTime));

    /// <summary>Whole years since <paramref name="since"/>, e.g. a member's anniversary count.</summary>
    public static int YearsSince(DateTimeOffset since, DateTimeOffset now)
    {
        var years = now.UtcDateTime.Year - since.UtcDateTime.Year;
        return now.UtcDateTime.DayOfYear < since.UtcDateTime.DayOfYear ? years - 1 : years;
    }
}
