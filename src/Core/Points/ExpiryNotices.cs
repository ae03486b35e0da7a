using System.Globalization;

namespace CommunitySaaS.Core.Points;

/// <summary>The rules of a brand's expiry notice days: whole days before expiry, 1 to 365, at most five, distinct.</summary>
public static class ExpiryNotices
{
    public const int MaxCount = 5;
    public const int MaxDays = 365;
    public const int MaxTextLength = 32;

    /// <summary>How long a night's notice rows are kept after it: long enough to look up who was told what, recently.</summary>
    public const int RetentionDays = 90;

    public static readonly IReadOnlyList<int> DefaultDays = [30, 7, 1];

    /// <summary>What is wrong with the list, or null when it is valid.</summary>
    public static string? Problem(IReadOnlyCollection<int> days)
    {
        if (days.Count > MaxCount) return $"expiryNoticeDays takes at most {MaxCount} values.";
        if (days.Any(d => d is < 1 or > MaxDays)) return $"expiryNoticeDays: each value is a whole number of days from 1 to {MaxDays}.";
        if (days.Distinct().Count() != days.Count) return "expiryNoticeDays: each value may appear once.";
        return null;
    }

    /// <summary>Longest notice first, as the console and the API show them.</summary>
    public static int[] Normalize(IEnumerable<int> days) => [.. days.Distinct().OrderDescending()];

    public static string Format(IEnumerable<int> days) => string.Join(',', days.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    public static int[] Parse(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => int.Parse(d, CultureInfo.InvariantCulture))];
}
