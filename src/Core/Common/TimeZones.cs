namespace CommunitySaaS.Core.Common;

public static class TimeZones
{
    public static bool IsKnown(string? id) => id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
