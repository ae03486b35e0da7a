using System.Diagnostics;
using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Jobs;
using CommunitySaaS.Core.Tenancy;
using Hangfire.Server;

namespace CommunitySaaS.Api.Jobs;

/// <summary>
/// What Hangfire invokes for every recurring job. Per run: take the job's own lock (another run of the same job is
/// skipped; other jobs run alongside), start or resume the run's row (one cutoff for every step, kept across
/// retries), run each step that has not succeeded yet in its own scope, record each step's outcome so one brand's
/// failure stops no other, then total the run. A run with a failed step throws at the end, after recording, so that
/// Hangfire retries it under the same run key, and the retry resumes at the steps that did not succeed.
/// </summary>
public sealed class RecurringJobRunner(
    IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, JobLock locks, JobRunTelemetry telemetry, ILogger<RecurringJobRunner> logger)
{
    /// <summary>Hangfire's entry: the background job's id is the run key, and Hangfire keeps it across retries.</summary>
    public async Task RunAsync(string jobId, PerformContext? context, CancellationToken ct)
    {
        var runKey = context?.BackgroundJob.Id ?? Guid.CreateVersion7().ToString("N");
        var result = await RunOnceAsync(jobId, runKey, ct);
        if (result.Run is { Status: JobRunStatus.Failed } run) throw new JobRunIncompleteException(run);
    }

    public async Task<JobRunResult> RunOnceAsync(string jobId, string runKey, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = Find(scope.ServiceProvider, jobId);
        using var held = locks.TryAcquire(jobId);
        if (held is null)
        {
            logger.LogInformation("Job {JobId} run {RunKey} skipped: another run of the job holds its lock", jobId, runKey);
            return new JobRunResult(JobRunOutcome.Skipped, null);
        }

        var store = scope.ServiceProvider.GetRequiredService<JobRunStore>();
        var clock = Stopwatch.StartNew();
        var run = await store.BeginAsync(jobId, runKey, ct);
        var context = new JobRunContext(jobId, run.Id, run.Cutoff, run.Attempts);
        logger.LogInformation("Job {JobId} run {RunId} attempt {Attempt} starting, cutoff {Cutoff:O}", jobId, run.Id, run.Attempts, run.Cutoff);
        var done = (await store.StepsAsync(run.Id, ct)).Where(s => s.Status == JobRunStatus.Succeeded).Select(s => s.StepKey).ToHashSet();

        switch (job)
        {
            case ITenantJob:
                var tenants = await scope.ServiceProvider.GetRequiredService<ITenantStore>().ListActiveAsync(ct);
                foreach (var tenant in tenants.Where(t => !done.Contains(t.Id)))
                {
                    await StepAsync(store, run, tenant.Id, async () =>
                    {
                        await using var tenantScope = tenantScopes.CreateScope(tenant);
                        tenantScope.ServiceProvider.GetRequiredService<ICurrentActor>().Set(AuditActor.ForJob(jobId), run.Id);
                        return await ((ITenantJob)Find(tenantScope.ServiceProvider, jobId)).RunTenantAsync(tenant, context, ct);
                    }, ct);
                }
                break;
            case IPlatformJob when !done.Contains(JobRunStep.PlatformStep):
                await StepAsync(store, run, JobRunStep.PlatformStep, async () =>
                {
                    await using var stepScope = scopes.CreateAsyncScope();
                    stepScope.ServiceProvider.GetRequiredService<ICurrentActor>().Set(AuditActor.ForJob(jobId), run.Id);
                    return await ((IPlatformJob)Find(stepScope.ServiceProvider, jobId)).RunPlatformAsync(context, ct);
                }, ct);
                break;
        }

        var finished = await store.FinishAsync(run, clock.Elapsed, ct);
        telemetry.RunFinished(finished, clock.Elapsed);
        return new JobRunResult(finished.Status == JobRunStatus.Succeeded ? JobRunOutcome.Succeeded : JobRunOutcome.Failed, finished);
    }

    private async Task StepAsync(JobRunStore store, JobRun run, string stepKey, Func<Task<JobStepResult>> step, CancellationToken ct)
    {
        if (!await store.TryClaimStepAsync(run, stepKey, ct)) return;
        try
        {
            var result = await step();
            await store.CompleteStepAsync(run, stepKey, result.Items, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Isolation: this step is recorded as failed and the run goes on with the next brand.
            logger.LogError(ex, "Job {JobId} run {RunId} step {StepKey} failed", run.JobId, run.Id, stepKey);
            await store.FailStepAsync(run, stepKey, $"{ex.GetType().Name}: {ex.Message}", ct);
        }
    }

    private static IRecurringJob Find(IServiceProvider services, string jobId) =>
        services.GetServices<IRecurringJob>().FirstOrDefault(j => j.Id == jobId)
        ?? throw new InvalidOperationException($"No recurring job '{jobId}' is registered on this node.");
}

public enum JobRunOutcome { Succeeded, Failed, Skipped }

/// <summary>How a run ended; <see cref="Run"/> is null when it was skipped (another run held the job's lock).</summary>
public sealed record JobRunResult(JobRunOutcome Outcome, JobRun? Run);

/// <summary>Thrown to Hangfire after a run recorded a failed step, so that it retries the run (which resumes from the checkpoints).</summary>
public sealed class JobRunIncompleteException(JobRun run)
    : Exception($"Job {run.JobId} run {run.Id}: {run.StepsFailed} step(s) failed ({run.Error}); a retry resumes from the steps that succeeded.");
