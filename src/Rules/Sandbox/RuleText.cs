using System.Globalization;

namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// Text conversions compiled rules call instead of the culture-sensitive originals: numbers and dates are
/// written in the invariant culture, and a format string that was not a constant is checked before it is used.
/// </summary>
internal static class RuleText
{
    public static string Invariant<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    public static string Format<T>(T value, string? format, RuleLimits limits)
        where T : IFormattable =>
        FormatCheck.Problem(format, limits) is { } problem
            ? throw new FormatRefusedException(problem)
            : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>An operand of <c>"text" + value</c>.</summary>
    public static string? Text(object? value) => value is IFormattable formattable
        ? formattable.ToString(null, CultureInfo.InvariantCulture)
        : value?.ToString();
}
