using System.Globalization;

namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// Bounds what a format string can make a number or date write: a standard format's precision is a width
/// (<c>"D999999999"</c> asks for a billion digits, two gigabytes of text), and a custom format writes roughly one
/// piece per character, so both are limited. Constant formats are checked at validation, the others as they run.
/// </summary>
internal static class FormatCheck
{
    public static string? Problem(string? format, RuleLimits limits)
    {
        if (string.IsNullOrEmpty(format))
        {
            return null;
        }

        if (format.Length > limits.MaxFormatLength)
        {
            return $"The format \"{Shorten(format)}\" is {format.Length:N0} characters long; formats may have at most {limits.MaxFormatLength}.";
        }

        if (format.Length > 1 && char.IsAsciiLetter(format[0]) && format.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false)
        {
            var precision = int.TryParse(format.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : int.MaxValue;
            if (precision > limits.MaxFormatPrecision)
            {
                return $"The format \"{Shorten(format)}\" asks for {format[1..]} digits; formats may ask for at most {limits.MaxFormatPrecision}.";
            }
        }

        return null;
    }

    private static string Shorten(string format) => format.Length <= 40 ? format : format[..40] + "...";
}

/// <summary>A format string over the limits reached at evaluation (it was not a constant, so validation could not see it).</summary>
internal sealed class FormatRefusedException(string message) : Exception(message);
