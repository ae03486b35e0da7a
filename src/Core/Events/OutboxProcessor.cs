using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// Runs the outbox on every node with the Jobs role: woken at once by local commits, and polling so
/// that events from other nodes, or left by a crash, are delivered too.
/// </summary>
internal sealed class OutboxProcessor(OutboxDispatcher dispatcher, OutboxSignal signal, ILogger<OutboxProcessor> logger) : BackgroundService
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = 0;
            try
            {
                delivered = await dispatcher.ProcessPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The outbox batch failed; retrying at the next poll");
            }
            if (delivered == 0) await signal.WaitAsync(PollEvery, stoppingToken);
        }
    }
}
