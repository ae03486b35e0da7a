namespace CommunitySaaS.Core.Common;

public static class TimeZones
{
    /// <summary>
    /// IANA ids only. On Linux the runtime also resolves Windows ids ("Pacific Standard Time") through ICU; storing
    /// those would give a brand a zone that other systems (and the console's pickers) do not know.
    /// </summary>
    public static bool IsKnown(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId && zone.Id == id;

    /// <summary>The zone of a stored id; an unknown or missing one counts as UTC rather than failing a write or a job.</summary>
    public static TimeZoneInfo FindOrUtc(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
