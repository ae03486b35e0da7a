namespace CommunitySaaS.Core.Points;

/// <summary>When a lot earned at an instant expires under a policy, counted in the brand's time zone.</summary>
public static class PointsExpiryDates
{
    public static DateTimeOffset? ExpiresAt(DateTimeOffset earnedAt, ExpiryMode mode, int count, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(earnedAt, zone).DateTime;
        DateTime? end = mode switch
        {
            ExpiryMode.Never => null,
            ExpiryMode.RollingMonths => local.AddMonths(count),
            // The end of the Nth month after the earning month is the first instant of the month after it.
            ExpiryMode.EndOfMonth => new DateTime(local.Year, local.Month, 1).AddMonths(count + 1),
            ExpiryMode.EndOfYear => new DateTime(local.Year + count + 1, 1, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };
        return end is { } e ? ToUtc(DateTime.SpecifyKind(e, DateTimeKind.Unspecified), zone) : null;
    }

    /// <summary>The first instant of a local date in the brand's zone.</summary>
    public static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone) => ToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);

    /// <summary>A local time a clock change skipped is moved on to the first that exists.</summary>
    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
