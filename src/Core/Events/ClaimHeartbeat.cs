using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// Renews a claim's lease every third of the lease while its batch is worked on, so a slow handler does not
/// let another node take the same messages. If renewals fail the lease runs out and another node may take
/// over; this node's late commits are then refused by the claim check in each handler's transaction.
/// </summary>
internal sealed class ClaimHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ClaimHeartbeat(OutboxClaims claims, string token, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        _loop = RunAsync(claims, token, lease / 3, time, logger, _stop.Token);
    }

    private static async Task RunAsync(OutboxClaims claims, string token, TimeSpan every, TimeProvider time, ILogger logger, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(every, time, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stop.IsCancellationRequested) return;
            try
            {
                await claims.RenewAsync(token, stop);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Renewing outbox claim {Token} failed; retrying at the next beat", token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
