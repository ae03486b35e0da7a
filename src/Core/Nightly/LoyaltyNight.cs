using CommunitySaaS.Core.Jobs;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Nightly;

public enum NightOutcome { NotYet, Ran, AlreadyHandled }

/// <summary>
/// The current brand's loyalty night: once its local time has passed <see cref="NightlyOptions.LocalStart"/>, the
/// (brand, local date) row is claimed by an insert under its unique index, or by a conditional update of a failed or
/// abandoned row, so that of any number of nodes exactly one works the night; the steps run in order from the row's
/// checkpoint, each checkpoint a conditional update that only the claim's holder can make.
/// </summary>
public sealed class LoyaltyNight(AppDbContext db, ILoyaltyNightSteps steps, NightlyOptions options, TimeProvider time)
{
    /// <param name="holder">The job run working the night, recorded on the row; checkpoints are guarded by it.</param>
    public async Task<NightOutcome> RunAsync(TenantInfo tenant, DateTimeOffset cutoff, string holder, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone));
        if (local.TimeOfDay < options.LocalStart) return NightOutcome.NotYet;
        var run = await ClaimAsync(DateOnly.FromDateTime(local.DateTime), cutoff, holder, now, ct);
        if (run is null) return NightOutcome.AlreadyHandled;

        var started = time.GetTimestamp();
        var counts = NightCounts.Of(run);
        try
        {
            for (var step = run.StepsDone; step < LoyaltyNightlyRun.StepCount; step++)
            {
                counts = await RunStepAsync(step, counts, run, ct);
                if (!await CheckpointAsync(run, step, counts, ct)) return NightOutcome.AlreadyHandled;
            }
            await FinishAsync(run, JobRunStatus.Succeeded, null, started, ct);
            return NightOutcome.Ran;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            await FinishAsync(run, JobRunStatus.Failed, JobRunLimits.Clip($"{ex.GetType().Name}: {ex.Message}"), started, CancellationToken.None);
            throw;
        }
    }

    private async Task<LoyaltyNightlyRun?> ClaimAsync(DateOnly night, DateTimeOffset cutoff, string holder, DateTimeOffset now, CancellationToken ct)
    {
        var runs = db.Set<LoyaltyNightlyRun>();
        var claimed = new LoyaltyNightlyRun { NightOf = night, Cutoff = cutoff, JobRunId = holder, Status = JobRunStatus.Running, StartedAt = now };
        runs.Add(claimed);
        try
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return claimed;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
        }

        // Resumes a night that failed or whose node died (still running past the lease); its cutoff stays the first one.
        var abandoned = now - options.Lease;
        var taken = await runs
            .Where(r => r.NightOf == night && (r.Status == JobRunStatus.Failed || (r.Status == JobRunStatus.Running && r.StartedAt < abandoned)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, JobRunStatus.Running)
                .SetProperty(r => r.JobRunId, holder)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.FinishedAt, (DateTimeOffset?)null)
                .SetProperty(r => r.Error, (string?)null), ct);
        return taken == 1 ? await FindAsync(night, ct) : null;
    }

    private Task<LoyaltyNightlyRun?> FindAsync(DateOnly night, CancellationToken ct) =>
        db.Set<LoyaltyNightlyRun>().AsNoTracking().FirstOrDefaultAsync(r => r.NightOf == night, ct);

    private async Task<NightCounts> RunStepAsync(int step, NightCounts counts, LoyaltyNightlyRun run, CancellationToken ct)
    {
        var cutoff = run.Cutoff;
        switch (step)
        {
            case 0:
                return counts with { PointsReleased = await steps.ReleasePendingAsync(cutoff, ct) };
            case 1:
                var before = await steps.EvaluateTiersAsync(cutoff, ct);
                return counts with { MembersEvaluated = before.Evaluated, TierChangesBeforeExpiry = before.Changed };
            case 2:
                return counts with { PointsExpired = await steps.ExpireAsync(cutoff, ct) };
            case 3:
                return counts with { TierChangesAfterExpiry = (await steps.EvaluateTiersAsync(cutoff, ct)).Changed };
            default:
                return counts with { ExpiryNoticesSent = await steps.NotifyExpiringAsync(run.NightOf, cutoff, ct) };
        }
    }

    private async Task<bool> CheckpointAsync(LoyaltyNightlyRun run, int step, NightCounts counts, CancellationToken ct) =>
        await db.Set<LoyaltyNightlyRun>()
            .Where(r => r.Id == run.Id && r.JobRunId == run.JobRunId && r.Status == JobRunStatus.Running && r.StepsDone == step)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StepsDone, step + 1)
                .SetProperty(r => r.PointsReleased, counts.PointsReleased)
                .SetProperty(r => r.MembersEvaluated, counts.MembersEvaluated)
                .SetProperty(r => r.TierChangesBeforeExpiry, counts.TierChangesBeforeExpiry)
                .SetProperty(r => r.PointsExpired, counts.PointsExpired)
                .SetProperty(r => r.TierChangesAfterExpiry, counts.TierChangesAfterExpiry)
                .SetProperty(r => r.ExpiryNoticesSent, counts.ExpiryNoticesSent), ct) == 1;

    /// <summary>The duration adds up every attempt at the night, so a resumed night shows its whole cost.</summary>
    private async Task FinishAsync(LoyaltyNightlyRun run, JobRunStatus status, string? error, long started, CancellationToken ct)
    {
        var elapsed = (long)time.GetElapsedTime(started).TotalMilliseconds;
        await db.Set<LoyaltyNightlyRun>()
            .Where(r => r.Id == run.Id && r.JobRunId == run.JobRunId && r.Status == JobRunStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.Error, error)
                .SetProperty(r => r.FinishedAt, time.GetUtcNow())
                .SetProperty(r => r.DurationMs, (run.DurationMs ?? 0) + elapsed), ct);
    }

    private sealed record NightCounts(
        long PointsReleased, long MembersEvaluated, long TierChangesBeforeExpiry, long PointsExpired, long TierChangesAfterExpiry, long ExpiryNoticesSent)
    {
        public static NightCounts Of(LoyaltyNightlyRun r) =>
            new(r.PointsReleased, r.MembersEvaluated, r.TierChangesBeforeExpiry, r.PointsExpired, r.TierChangesAfterExpiry, r.ExpiryNoticesSent);
    }
}
