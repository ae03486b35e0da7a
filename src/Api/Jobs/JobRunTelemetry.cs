using CommunitySaaS.Core.Jobs;
using CommunitySaaS.Core.Observability;

namespace CommunitySaaS.Api.Jobs;

/// <summary>Where a finished run is reported beyond the job runs table.</summary>
public sealed class JobRunTelemetry(ILogger<JobRunTelemetry> logger)
{
    public void RunFinished(JobRun run, TimeSpan duration)
    {
        JobMetrics.RecordDuration(run.JobId, run.Status.ToString().ToLowerInvariant(), duration.TotalSeconds);
        logger.LogInformation(
            "Job {JobId} run {RunId} {Status} in {DurationMs} ms (attempt {Attempt}): {Succeeded} step(s) succeeded, {Failed} failed, {Items} item(s)",
            run.JobId, run.Id, run.Status, (long)duration.TotalMilliseconds, run.Attempts, run.StepsSucceeded, run.StepsFailed, run.Items);
    }
}
