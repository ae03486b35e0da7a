using System.Diagnostics;

namespace CommunitySaaS.Bench.Loyalty;

/// <summary>Samples this process's working set and GC heap every 50 ms until stopped, keeping the peaks.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler()
    {
        BaselineWorkingSet = Current();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Sample();
                try { await Task.Delay(50, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public long BaselineWorkingSet { get; }
    public long PeakWorkingSet { get; private set; }
    public long PeakHeap { get; private set; }

    public void Stop()
    {
        _stop.Cancel();
        _loop.Wait();
        Sample();
    }

    public void Dispose()
    {
        if (!_stop.IsCancellationRequested) Stop();
        _stop.Dispose();
    }

    private void Sample()
    {
        PeakWorkingSet = Math.Max(PeakWorkingSet, Current());
        PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static long Current()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
