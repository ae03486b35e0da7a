using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Jobs;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Nightly;

public sealed record NightlyRunView(
    string Id, DateOnly NightOf, DateTimeOffset Cutoff, JobRunStatus Status, int StepsDone, long PointsReleased, long MembersEvaluated,
    long TierChangesBeforeExpiry, long PointsExpired, long TierChangesAfterExpiry, long ExpiryNoticesSent, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    long? DurationMs, string? Error);

/// <summary>The brand's recorded loyalty nights, newest first, as the console lists them.</summary>
public sealed class NightlyRunQueries(AppDbContext db)
{
    public async Task<Page<NightlyRunView>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        var rows = await db.Set<LoyaltyNightlyRun>().AsNoTracking().Window(r => r.Id, page).ToListAsync(ct);
        return page.ToPage(rows, r => r.Id).Map(r => new NightlyRunView(
            r.Id, r.NightOf, r.Cutoff, r.Status, r.StepsDone, r.PointsReleased, r.MembersEvaluated, r.TierChangesBeforeExpiry,
            r.PointsExpired, r.TierChangesAfterExpiry, r.ExpiryNoticesSent, r.StartedAt, r.FinishedAt, r.DurationMs, r.Error));
    }
}
