using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Jobs;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Nightly;

/// <summary>
/// One brand's loyalty night: the night of <see cref="NightOf"/> (a date in the brand's time zone), run once, in order:
/// release pending points, evaluate tiers, expire points, evaluate tiers, notify members of points expiring soon. (<see cref="TenantId"/>, <see cref="NightOf"/>)
/// is unique, so a second run or a second node finds the night and resumes it after its last finished step (each step
/// is itself safe to repeat) with the night's first <see cref="Cutoff"/>, never starting another night.
/// </summary>
public sealed class LoyaltyNightlyRun : ITenantOwned
{
    public const int StepCount = 5;

    public string Id { get; init; } = Ids.New("lnr");
    public string TenantId { get; set; } = "";
    public DateOnly NightOf { get; init; }
    public DateTimeOffset Cutoff { get; init; }
    public string? JobRunId { get; set; }
    public JobRunStatus Status { get; set; }
    /// <summary>How many of the <see cref="StepCount"/> steps have finished; the checkpoint a resumed run starts after.</summary>
    public int StepsDone { get; set; }
    public long PointsReleased { get; set; }
    public long MembersEvaluated { get; set; }
    public long TierChangesBeforeExpiry { get; set; }
    public long PointsExpired { get; set; }
    public long TierChangesAfterExpiry { get; set; }
    /// <summary>Members sent the night's <c>points.expiring_soon</c> digest.</summary>
    public long ExpiryNoticesSent { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public long? DurationMs { get; set; }
    public string? Error { get; set; }
}
