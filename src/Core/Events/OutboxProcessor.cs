using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// Runs the outbox on every node with the Jobs role: woken at once by local commits, and polling so
/// that events from other nodes, or left by a crash, are delivered too. It never dies of a failure:
/// only the host's own stop ends it.
/// </summary>
internal sealed class OutboxProcessor(OutboxDispatcher dispatcher, OutboxSignal signal, OutboxOptions options, TimeProvider time,
    ILogger<OutboxProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromSeconds(options.PollSeconds);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = 0;
            try
            {
                delivered = await dispatcher.ProcessPendingAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is down or a claim failed: wait longer each time rather than spin.
                failures++;
                logger.LogError(ex, "The outbox batch failed ({Failures} in a row); retrying", failures);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures))), time, stoppingToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            if (delivered == 0) await signal.WaitAsync(idle, stoppingToken);
        }
    }
}
