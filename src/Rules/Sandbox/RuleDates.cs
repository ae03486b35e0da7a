using System.Globalization;

namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// Date parsing and conversion compiled rules call instead of the originals, which read the server's culture,
/// time zone and clock: text is read in the invariant culture, a date without an offset is UTC, and a time without
/// a date falls on 0001-01-01 rather than on the server's today.
/// </summary>
internal static class RuleDates
{
    private const DateTimeStyles Utc = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal | DateTimeStyles.NoCurrentDateDefault;

    public static DateTime ParseDateTime(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, Utc);

    public static DateTimeOffset ParseDateTimeOffset(string text)
    {
        var utc = ParseDateTime(text);
        // A time alone parses to 0001-01-01; DateTimeOffset.Parse would put it on the server's today.
        return utc.Date == DateTime.MinValue.Date
            ? new DateTimeOffset(utc, TimeSpan.Zero)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>A <see cref="DateTime"/> used where a <see cref="DateTimeOffset"/> is expected is taken as UTC, not as server-local time.</summary>
    public static DateTimeOffset AsUtc(DateTime value) =>
        new(value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}

/// <summary>Reads a nullable value that a rule assumed present; a missing one means the rule does not match.</summary>
internal static class RuleValues
{
    public static T Required<T>(T? value)
        where T : struct => value ?? throw new MissingValueException();
}

/// <summary>A rule read <c>.Value</c> of a value the inputs do not have (a member without a birthday).</summary>
internal sealed class MissingValueException() : Exception("The rule reads a value these inputs do not have; guard it with != null or HasValue.");
