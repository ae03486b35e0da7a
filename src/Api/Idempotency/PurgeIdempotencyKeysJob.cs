using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Core.Idempotency;

namespace CommunitySaaS.Api.Idempotency;

/// <summary>Drops idempotency records past their 24 hours; a plain conditional delete over the platform-wide table, safe to run anywhere, any number of times.</summary>
public sealed class PurgeIdempotencyKeysJob(IdempotencyStore store) : IPlatformJob
{
    public string Id => "purge-idempotency-keys";

    public string Cron => Hangfire.Cron.Hourly();

    public async Task<JobStepResult> RunPlatformAsync(JobRunContext run, CancellationToken ct) => new(await store.PurgeExpiredAsync(ct));
}
