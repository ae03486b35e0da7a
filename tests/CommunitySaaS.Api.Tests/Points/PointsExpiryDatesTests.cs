using CommunitySaaS.Core.Points;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Api.Tests.Points;

/// <summary>Expiry dates and limit periods are counted in the brand's time zone, not the server's or UTC.</summary>
public sealed class PointsExpiryDatesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void EndOfMonth_CountsFromTheLocalMonth_WhenUtcIsStillInThePreviousMonth()
    {
        // 16:30 UTC on 31 January is 00:30 on 1 February in Shanghai: a February point, expiring at the end of February there.
        var earned = new DateTimeOffset(2026, 1, 31, 16, 30, 0, TimeSpan.Zero);

        PointsExpiryDates.ExpiresAt(earned, ExpiryMode.EndOfMonth, 0, Shanghai).ShouldBe(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero));
        PointsExpiryDates.ExpiresAt(earned, ExpiryMode.EndOfMonth, 0, TimeZoneInfo.Utc).ShouldBe(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        PointsExpiryDates.ExpiresAt(earned, ExpiryMode.EndOfMonth, 2, Shanghai).ShouldBe(new DateTimeOffset(2026, 4, 30, 16, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void EndOfYear_EndsAtLocalMidnightOfNewYear_WhenEarnedOnNewYearsEveInUtc()
    {
        var earned = new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero); // 1 January 2027 01:00 in Shanghai

        PointsExpiryDates.ExpiresAt(earned, ExpiryMode.EndOfYear, 0, Shanghai).ShouldBe(new DateTimeOffset(2027, 12, 31, 16, 0, 0, TimeSpan.Zero));
        PointsExpiryDates.ExpiresAt(earned, ExpiryMode.EndOfYear, 1, NewYork).ShouldBe(new DateTimeOffset(2028, 1, 1, 5, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void RollingMonths_KeepsTheLocalClockTime_WhenDaylightSavingChangesBetween()
    {
        // 09:00 in New York in January (UTC-5) rolls to 09:00 in July (UTC-4); 31 January rolls to the end of February.
        PointsExpiryDates.ExpiresAt(new DateTimeOffset(2026, 1, 15, 14, 0, 0, TimeSpan.Zero), ExpiryMode.RollingMonths, 6, NewYork)
            .ShouldBe(new DateTimeOffset(2026, 7, 15, 13, 0, 0, TimeSpan.Zero));
        PointsExpiryDates.ExpiresAt(new DateTimeOffset(2026, 1, 31, 14, 0, 0, TimeSpan.Zero), ExpiryMode.RollingMonths, 1, NewYork)
            .ShouldBe(new DateTimeOffset(2026, 2, 28, 14, 0, 0, TimeSpan.Zero));
        PointsExpiryDates.ExpiresAt(DateTimeOffset.UtcNow, ExpiryMode.Never, 0, NewYork).ShouldBeNull();
    }

    [Fact]
    public void LimitPeriod_FollowsTheBrandsDay_WhenTwoSignInsStraddleUtcMidnight()
    {
        var late = new DateTimeOffset(2026, 3, 2, 15, 59, 0, TimeSpan.Zero); // 23:59 on 2 March in Shanghai
        var early = new DateTimeOffset(2026, 3, 2, 16, 1, 0, TimeSpan.Zero); // 00:01 on 3 March in Shanghai

        ActivityPeriods.Of(RulePeriod.Day, late, Shanghai).ShouldBe("d2026-03-02");
        ActivityPeriods.Of(RulePeriod.Day, early, Shanghai).ShouldBe("d2026-03-03");
        ActivityPeriods.Of(RulePeriod.Day, early, TimeZoneInfo.Utc).ShouldBe("d2026-03-02");
        ActivityPeriods.Of(RulePeriod.Week, new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc).ShouldBe("w2026-W53");
        ActivityPeriods.Of(RulePeriod.Month, early, Shanghai).ShouldBe("m2026-03");
        ActivityPeriods.Of(RulePeriod.Lifetime, early, Shanghai).ShouldBe("all");
    }
}
