using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>
/// Sends claimed deliveries with up to <see cref="WebhookOptions.MaxConcurrency"/> in flight, each on its own: a slow
/// endpoint holds only its own slot for at most the timeout, while the freed slots of fast endpoints are refilled at
/// once. A claim never holds two deliveries of one endpoint (only an endpoint's oldest pending one is eligible).
/// </summary>
public sealed class WebhookDispatcher : IDisposable
{
    private readonly WebhookClaims _claims;
    private readonly WebhookSender _sender;
    private readonly WebhookSignal _signal;
    private readonly WebhookOptions _options;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly SemaphoreSlim _slots;

    internal WebhookDispatcher(WebhookClaims claims, WebhookSender sender, WebhookSignal signal, WebhookOptions options, ILogger<WebhookDispatcher> logger)
    {
        (_claims, _sender, _signal, _options, _logger) = (claims, sender, signal, options, logger);
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrency));
    }

    /// <summary>Runs until <paramref name="stop"/>: claim as many as there are free slots, start each, wait for work or a freed slot.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var idle = TimeSpan.FromSeconds(_options.PollSeconds);
        while (!stop.IsCancellationRequested)
        {
            var started = 0;
            try
            {
                started = await StartDueAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Claiming webhook deliveries failed; retrying");
            }
            if (started == 0 || _slots.CurrentCount == 0) await _signal.WaitAsync(idle, stop);
        }
    }

    /// <summary>Claims and starts what fits in the free slots; returns how many it started.</summary>
    private async Task<int> StartDueAsync(CancellationToken stop)
    {
        var free = _slots.CurrentCount;
        if (free == 0) return 0;
        var (token, claimed) = await _claims.ClaimAsync(free, stop);
        foreach (var item in claimed)
        {
            await _slots.WaitAsync(stop);
            _ = Task.Run(async () =>
            {
                try
                {
                    await DeliverAsync(item, token, stop);
                }
                finally
                {
                    _slots.Release();
                    _signal.Notify();
                }
            }, CancellationToken.None);
        }
        return claimed.Count;
    }

    /// <summary>Claims one batch and delivers it, waiting for every attempt: what tests and the bench call to step time.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var (token, claimed) = await _claims.ClaimAsync(Math.Max(1, _options.MaxConcurrency), ct);
        await Task.WhenAll(claimed.Select(c => DeliverAsync(c, token, ct)));
        return claimed.Count;
    }

    public void Dispose() => _slots.Dispose();

    private async Task DeliverAsync(ClaimedDelivery item, string token, CancellationToken stop)
    {
        try
        {
            var attempt = await _sender.SendAsync(item.Delivery, item.Target, stop);
            await _claims.RecordAsync(item, token, attempt);
            WebhookMetrics.Record(attempt);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await _claims.ReleaseAsync(item.Delivery.Id, token);
        }
        catch (Exception ex)
        {
            // The lease runs out and the delivery is claimed again: nothing here may stop the other deliveries.
            _logger.LogError(ex, "Recording webhook delivery {DeliveryId} failed", item.Delivery.Id);
        }
    }
}
