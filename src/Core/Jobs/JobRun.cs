using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Jobs;

public enum JobRunStatus { Running, Succeeded, Failed }

/// <summary>
/// One run of a recurring job, identified by (<see cref="JobId"/>, <see cref="RunKey"/>): a retry of the same run
/// (Hangfire keeps the background job's id across retries) finds this row again, keeps its <see cref="Cutoff"/>
/// and resumes from its steps' checkpoints. Platform-wide: a run spans every brand.
/// </summary>
public sealed class JobRun : IGlobalEntity
{
    public string Id { get; init; } = Ids.New("jrn");
    public required string JobId { get; init; }
    public required string RunKey { get; init; }
    /// <summary>The one instant every step of the run works up to, captured when the run first started.</summary>
    public DateTimeOffset Cutoff { get; init; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Attempts { get; set; }
    public JobRunStatus Status { get; set; }
    public int StepsSucceeded { get; set; }
    public int StepsFailed { get; set; }
    public long Items { get; set; }
    public long? DurationMs { get; set; }
    public string? Error { get; set; }
}

/// <summary>
/// One step of a run: one brand (<see cref="StepKey"/> is its tenant id) or the platform-wide step. A step that
/// succeeded is never run again by a retry of the same run; the unique (run, step) key and conditional claims keep
/// two nodes from running one step at once.
/// </summary>
public sealed class JobRunStep : IGlobalEntity
{
    public const string PlatformStep = "platform";

    public string Id { get; init; } = Ids.New("jrs");
    public required string RunId { get; init; }
    public required string StepKey { get; init; }
    public JobRunStatus Status { get; set; }
    /// <summary>The run's attempt that claimed the step: a later attempt may take over a step an earlier one left running.</summary>
    public int RunAttempt { get; set; }
    public int Attempts { get; set; }
    public long Items { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Error { get; set; }
}
