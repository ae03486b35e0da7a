using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Jobs;

/// <summary>
/// The job runs table: a run's start (or resumption), its steps' checkpoints and its totals. Every state change is a
/// conditional update or an insert under a unique key, so two nodes that both hold a run can never both claim a step.
/// </summary>
public sealed class JobRunStore(AppDbContext db, TimeProvider time)
{
    /// <summary>Starts a run, or resumes it: a retry under the same key finds the row, keeps its cutoff and counts one more attempt.</summary>
    public async Task<JobRun> BeginAsync(string jobId, string runKey, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var run = new JobRun { JobId = jobId, RunKey = runKey, Cutoff = now, StartedAt = now, Attempts = 1, Status = JobRunStatus.Running };
        db.JobRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
            // Read back as stored: each provider keeps instants at its own precision, and every attempt must see the same cutoff.
            return await FindAsync(jobId, runKey, ct) ?? throw new InvalidOperationException($"Run '{runKey}' of job '{jobId}' vanished after its start.");
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
        }

        await db.JobRuns.Where(r => r.JobId == jobId && r.RunKey == runKey).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Attempts, r => r.Attempts + 1)
            .SetProperty(r => r.Status, JobRunStatus.Running)
            .SetProperty(r => r.StartedAt, now)
            .SetProperty(r => r.FinishedAt, (DateTimeOffset?)null), ct);
        return await FindAsync(jobId, runKey, ct) ?? throw new InvalidOperationException($"Run '{runKey}' of job '{jobId}' vanished while resuming.");
    }

    public Task<JobRun?> FindAsync(string jobId, string runKey, CancellationToken ct) =>
        db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.JobId == jobId && r.RunKey == runKey, ct);

    public async Task<IReadOnlyList<JobRunStep>> StepsAsync(string runId, CancellationToken ct) =>
        await db.JobRunSteps.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.StepKey).ToListAsync(ct);

    /// <summary>
    /// Claims a step for this attempt of the run: a new step, one that failed, or one an earlier attempt left running
    /// (its node died mid-step). False when it already succeeded or another holder of this attempt has it.
    /// </summary>
    public async Task<bool> TryClaimStepAsync(JobRun run, string stepKey, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        db.JobRunSteps.Add(new JobRunStep
        {
            RunId = run.Id, StepKey = stepKey, Status = JobRunStatus.Running, RunAttempt = run.Attempts, Attempts = 1, StartedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
        }

        var claimed = await db.JobRunSteps
            .Where(s => s.RunId == run.Id && s.StepKey == stepKey && s.Status != JobRunStatus.Succeeded
                && (s.Status == JobRunStatus.Failed || s.RunAttempt < run.Attempts))
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, JobRunStatus.Running)
                .SetProperty(x => x.RunAttempt, run.Attempts)
                .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                .SetProperty(x => x.StartedAt, now)
                .SetProperty(x => x.FinishedAt, (DateTimeOffset?)null)
                .SetProperty(x => x.Error, (string?)null), ct);
        return claimed == 1;
    }

    public Task CompleteStepAsync(JobRun run, string stepKey, long items, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return Claimed(run, stepKey).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, JobRunStatus.Succeeded)
            .SetProperty(x => x.Items, items)
            .SetProperty(x => x.FinishedAt, now), ct);
    }

    public Task FailStepAsync(JobRun run, string stepKey, string error, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var clipped = JobRunLimits.Clip(error);
        return Claimed(run, stepKey).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, JobRunStatus.Failed)
            .SetProperty(x => x.Error, clipped)
            .SetProperty(x => x.FinishedAt, now), ct);
    }

    /// <summary>Totals the run over all its steps, earlier attempts' included; failed while any step failed.</summary>
    public async Task<JobRun> FinishAsync(JobRun run, TimeSpan duration, CancellationToken ct)
    {
        var steps = await StepsAsync(run.Id, ct);
        var failed = steps.Where(s => s.Status != JobRunStatus.Succeeded).ToList();
        var status = failed.Count == 0 ? JobRunStatus.Succeeded : JobRunStatus.Failed;
        var error = failed.Count == 0 ? null : JobRunLimits.Clip(string.Join("; ", failed.Select(s => $"{s.StepKey}: {s.Error ?? "did not finish"}")));
        var succeeded = steps.Count - failed.Count;
        var items = steps.Sum(s => s.Items);
        var now = time.GetUtcNow();
        var ms = (long)duration.TotalMilliseconds;
        await db.JobRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.StepsSucceeded, succeeded)
            .SetProperty(r => r.StepsFailed, failed.Count)
            .SetProperty(r => r.Items, items)
            .SetProperty(r => r.DurationMs, ms)
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.Error, error), ct);
        return (await FindAsync(run.JobId, run.RunKey, ct))!;
    }

    private IQueryable<JobRunStep> Claimed(JobRun run, string stepKey) =>
        db.JobRunSteps.Where(s => s.RunId == run.Id && s.StepKey == stepKey && s.Status == JobRunStatus.Running && s.RunAttempt == run.Attempts);
}
