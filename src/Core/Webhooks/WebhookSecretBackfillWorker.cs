using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>
/// Runs the backfill at start (after the migrations: hosted services start in order) and hourly after, so a secret
/// written plain by an older node during a rolling upgrade is protected too. Until then the sender reads it as it is.
/// </summary>
internal sealed class WebhookSecretBackfillWorker(WebhookSecretBackfill backfill, TimeProvider time, ILogger<WebhookSecretBackfillWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var count = await backfill.RunAsync(stoppingToken);
                if (count > 0) logger.LogInformation("Protected {Count} legacy plain webhook signing secrets", count);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Protecting legacy webhook signing secrets failed; retrying in {Interval}", Interval);
            }
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
