using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Core.Idempotency;

namespace CommunitySaaS.Api.Idempotency;

/// <summary>Drops idempotency records past their 24 hours; a plain conditional delete, safe to run anywhere, any number of times.</summary>
public sealed class PurgeIdempotencyKeysJob(IdempotencyStore store, ILogger<PurgeIdempotencyKeysJob> logger) : IRecurringJob
{
    public string Id => "purge-idempotency-keys";

    public string Cron => Hangfire.Cron.Hourly();

    public async Task RunAsync(CancellationToken ct)
    {
        var purged = await store.PurgeExpiredAsync(ct);
        logger.LogInformation("Purged {Count} expired idempotency records", purged);
    }
}
