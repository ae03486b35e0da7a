using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Core.Events;

/// <summary>Measures the backlog every few seconds for the gauges, so a metrics scrape never waits on the database.</summary>
internal sealed class OutboxMonitor(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                OutboxMetrics.Observe(await scope.ServiceProvider.GetRequiredService<OutboxBacklog>().MeasureAsync(stoppingToken));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Measuring the outbox backlog failed; the gauges keep their last values");
            }
            await Task.Delay(Every, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
