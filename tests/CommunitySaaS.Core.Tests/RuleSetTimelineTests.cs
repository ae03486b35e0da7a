using CommunitySaaS.Core.RuleSets;

namespace CommunitySaaS.Core.Tests;

public sealed class RuleSetTimelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    // v1 from T0, v2 published at T0+1h (v1 archived that instant), v3 a rollback at T0+2h.
    private static readonly RuleSetTimeline Timeline = new(
    [
        new RuleSetTimelineEntry("rsv_1", 1, T0, T0.AddHours(1)),
        new RuleSetTimelineEntry("rsv_3", 3, T0.AddHours(2), null),
        new RuleSetTimelineEntry("rsv_2", 2, T0.AddHours(1), T0.AddHours(2)),
    ], T0.AddHours(3));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(59, 1)]
    [InlineData(60, 2)] // at the publish instant the new version is in force, the archived one no longer
    [InlineData(119, 2)]
    [InlineData(120, 3)]
    [InlineData(10_000, 3)]
    public void At_GivesTheVersionInForce_AtEachInstant(int minutes, int version) =>
        Timeline.At(T0.AddMinutes(minutes))!.Version.ShouldBe(version);

    [Fact]
    public void At_GivesNone_BeforeTheFirstPublish() => Timeline.At(T0.AddTicks(-1)).ShouldBeNull();

    [Fact]
    public void Settles_OnlyInstantsOlderThanTheLoadByTheMargin()
    {
        var margin = TimeSpan.FromSeconds(2);
        Timeline.Settles(T0.AddHours(3) - TimeSpan.FromSeconds(3), margin).ShouldBeTrue();
        Timeline.Settles(T0.AddHours(3) - TimeSpan.FromSeconds(1), margin).ShouldBeFalse();
        Timeline.Settles(T0.AddHours(4), margin).ShouldBeFalse();
    }
}
