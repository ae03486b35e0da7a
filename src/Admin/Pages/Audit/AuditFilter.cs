using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Admin.Pages.Audit;

/// <summary>The audit page's filters; days are the brand's days (midnight to midnight in its time zone).</summary>
public sealed class AuditFilter
{
    public string? Actor { get; set; }
    public string? Action { get; set; }
    public string? Target { get; set; }
    public DateTime? FromDay { get; set; }
    public DateTime? ToDay { get; set; }

    public AuditQuery ToQuery(TenantInfo? tenant)
    {
        var zone = tenant is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone);
        return new AuditQuery(Actor, Action, Target, StartOf(FromDay, zone), StartOf(ToDay?.AddDays(1), zone));
    }

    private static DateTimeOffset? StartOf(DateTime? day, TimeZoneInfo zone)
    {
        if (day is null) return null;
        var midnight = DateTime.SpecifyKind(day.Value.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
