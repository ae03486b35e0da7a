using System.Threading.Channels;

namespace CommunitySaaS.Core.Events;

/// <summary>Wakes the outbox processor right after a commit, so handlers run in milliseconds rather than at the next poll.</summary>
public sealed class OutboxSignal : WakeSignal;

/// <summary>A poll loop's doorbell: many rings while it works make one wake-up, and a wait ends at the bell or the timeout.</summary>
public class WakeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}
