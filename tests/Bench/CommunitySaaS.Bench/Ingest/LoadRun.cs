using System.Diagnostics;

namespace CommunitySaaS.Bench.Ingest;

/// <summary>What one timed run measured.</summary>
internal sealed record LoadResult(long Operations, long Errors, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;
}

/// <summary>
/// Runs <c>clients</c> concurrent loops of an operation for a fixed time. With a target rate, each client
/// paces itself (open-loop style), which is how latency at a given load is read.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(int clients, TimeSpan duration, Func<int, long, Task<bool>> operation, double? targetPerSecond = null)
    {
        var latencies = new List<double>[clients];
        var errors = 0L;
        var operations = 0L;
        var clock = Stopwatch.StartNew();
        var until = duration;
        var perClientInterval = targetPerSecond is { } rate ? TimeSpan.FromSeconds(clients / rate) : TimeSpan.Zero;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = latencies[client] = new List<double>(100_000);
            var next = clock.Elapsed;
            for (long i = 0; clock.Elapsed < until; i++)
            {
                if (perClientInterval > TimeSpan.Zero)
                {
                    var wait = next - clock.Elapsed;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait);
                    next += perClientInterval;
                }
                var started = clock.Elapsed;
                var ok = await operation(client, i);
                mine.Add((clock.Elapsed - started).TotalMilliseconds);
                if (ok) Interlocked.Increment(ref operations);
                else Interlocked.Increment(ref errors);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(operations, errors, clock.Elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
