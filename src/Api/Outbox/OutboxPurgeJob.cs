using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Api.Outbox;

/// <summary>Hourly: processed outbox messages and their inbox rows go once past <c>Outbox:RetentionDays</c>.</summary>
public sealed class OutboxPurgeJob(OutboxPurger purger, ILogger<OutboxPurgeJob> logger) : IRecurringJob
{
    public string Id => "outbox-purge";

    public string Cron => "17 * * * *";

    public async Task RunAsync(CancellationToken ct)
    {
        var purged = await purger.PurgeAsync(ct);
        logger.LogInformation("Purged {Count} processed outbox messages past retention", purged);
    }
}
