using System.Globalization;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Admin.Shared;

/// <summary>How the console writes money and times: in the brand's currency and time zone.</summary>
public static class Display
{
    public static string Money(decimal amount, string currency) =>
        $"{amount.ToString("#,##0.00", CultureInfo.InvariantCulture)} {currency}";

    public static string Time(DateTimeOffset? instant, TenantInfo? tenant)
    {
        if (instant is null) return "—";
        var zone = tenant is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone);
        return TimeZoneInfo.ConvertTime(instant.Value, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public static string Date(DateTimeOffset instant, TenantInfo? tenant) => Time(instant, tenant)[..10];

    public static string Count(int value) => value.ToString("#,##0", CultureInfo.InvariantCulture);
}
