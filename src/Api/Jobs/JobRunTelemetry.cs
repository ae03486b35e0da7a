using CommunitySaaS.Core.Jobs;

namespace CommunitySaaS.Api.Jobs;

/// <summary>Where a finished run is reported beyond the job runs table.</summary>
public sealed class JobRunTelemetry(ILogger<JobRunTelemetry> logger)
{
    public void RunFinished(JobRun run, TimeSpan duration)
    {
        // The OpenTelemetry job-duration histogram (from the outbox/events work) is recorded here, tagged with
        // run.JobId and run.Status, once that instrument exists on this branch's base.
        logger.LogInformation(
            "Job {JobId} run {RunId} {Status} in {DurationMs} ms (attempt {Attempt}): {Succeeded} step(s) succeeded, {Failed} failed, {Items} item(s)",
            run.JobId, run.Id, run.Status, (long)duration.TotalMilliseconds, run.Attempts, run.StepsSucceeded, run.StepsFailed, run.Items);
    }
}
