using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Api.Jobs;

/// <summary>
/// A recurring job. Hangfire carries only its id; <see cref="RecurringJobRunner"/> holds the job's own lock, captures one
/// cutoff per run, records the run and runs its steps, each checkpointed, each isolated from the others' failures.
/// A job implements <see cref="ITenantJob"/> (one step per active brand: settlement, expiry, tiers, payouts) or
/// <see cref="IPlatformJob"/> (one step over platform-wide tables). It finds its work in the database, never in
/// arguments, and each step must be safe to run again (a retry re-runs a step that failed or did not finish).
/// </summary>
public interface IRecurringJob
{
    /// <summary>Stable id: Hangfire's recurring job id, the lock's name and the key of its runs.</summary>
    string Id { get; }

    string Cron { get; }
}

/// <summary>A job run once per active brand, in that brand's scope (its query filters and save guard apply).</summary>
public interface ITenantJob : IRecurringJob
{
    /// <summary>
    /// This brand's share of the run, up to <see cref="JobRunContext.Cutoff"/>. Throwing fails only this brand's step:
    /// the others go on, and a retry of the run re-runs this brand alone.
    /// </summary>
    Task<JobStepResult> RunTenantAsync(TenantInfo tenant, JobRunContext run, CancellationToken ct);
}

/// <summary>A job over platform-wide data (no brand scope), run as one step.</summary>
public interface IPlatformJob : IRecurringJob
{
    Task<JobStepResult> RunPlatformAsync(JobRunContext run, CancellationToken ct);
}

/// <summary>
/// What every step of one run shares. <see cref="Cutoff"/> was captured when the run first started and is the same
/// on every retry, so a settlement resumed an hour later still settles exactly what was due at the first start.
/// </summary>
/// <param name="RunId">The run's row id (<c>jrn_…</c>), e.g. for ledger entries to name the run that wrote them.</param>
/// <param name="Attempt">1 on the first attempt, then one more per retry of the same run.</param>
public sealed record JobRunContext(string JobId, string RunId, DateTimeOffset Cutoff, int Attempt);

/// <summary>What a step did, for the run's totals.</summary>
/// <param name="Items">How many things it processed (records purged, commissions settled, …).</param>
public sealed record JobStepResult(long Items);
