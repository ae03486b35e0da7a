using System.Globalization;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Admin.Shared;

/// <summary>How the console writes money and times: in the brand's currency and time zone.</summary>
public static class Display
{
    /// <summary>In the currency's own decimals: JPY 1,200; USD 12.00; KWD 1.200.</summary>
    public static string Money(decimal amount, string currency) =>
        $"{amount.ToString(AmountFormat(currency), CultureInfo.InvariantCulture)} {currency}";

    private static string AmountFormat(string currency)
    {
        var exponent = Currencies.IsKnown(currency) ? Currencies.Exponent(currency) : 2;
        return exponent == 0 ? "#,##0" : "#,##0." + new string('0', exponent);
    }

    public static string Time(DateTimeOffset? instant, TenantInfo? tenant)
    {
        if (instant is null) return "—";
        var zone = tenant is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone);
        return TimeZoneInfo.ConvertTime(instant.Value, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public static string Date(DateTimeOffset instant, TenantInfo? tenant) => Time(instant, tenant)[..10];

    public static string Count(int value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Points(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>A change of points, with its sign: +120, -40.</summary>
    public static string PointsDelta(long value) => value.ToString("+#,##0;-#,##0;0", CultureInfo.InvariantCulture);
}
