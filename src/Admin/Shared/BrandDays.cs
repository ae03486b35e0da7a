using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Admin.Shared;

/// <summary>A day picked in the console is a day in the brand's time zone: midnight to midnight there.</summary>
public static class BrandDays
{
    public static DateTimeOffset? StartOf(DateTime? day, TenantInfo? tenant)
    {
        if (day is null) return null;
        var zone = Zone(tenant);
        var midnight = DateTime.SpecifyKind(day.Value.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    public static DateTime? DayOf(DateTimeOffset? instant, TenantInfo? tenant) =>
        instant is null ? null : TimeZoneInfo.ConvertTime(instant.Value, Zone(tenant)).Date;

    private static TimeZoneInfo Zone(TenantInfo? tenant) => tenant is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone);
}
