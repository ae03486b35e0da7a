using System.Globalization;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.Points;

/// <summary>The period an activity falls in for a rule's limit, in the brand's time zone: "d2026-03-02", "w2026-W10", "m2026-03", "all".</summary>
public static class ActivityPeriods
{
    public static string Of(RulePeriod per, DateTimeOffset occurredAt, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(occurredAt, zone).DateTime;
        return per switch
        {
            RulePeriod.Day => "d" + local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            RulePeriod.Week => $"w{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}",
            RulePeriod.Month => "m" + local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => "all",
        };
    }
}
