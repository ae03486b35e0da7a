using System.Collections.Concurrent;

namespace CommunitySaaS.Core.Common;

/// <summary>
/// Counts failures per client (an IP address) in fixed windows; once a client reaches the limit, it is refused
/// until its window ends. Guessing keys or passwords then costs the guesser time, without a database row per try.
/// </summary>
public sealed class FailureThrottle(int limit, TimeSpan window, TimeProvider time)
{
    // Bounded: past this many clients, finished windows are dropped before a new one is counted.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>How long the client must wait, or null while it may still try.</summary>
    public TimeSpan? RetryAfter(string client)
    {
        if (!_windows.TryGetValue(client, out var current)) return null;
        var now = time.GetUtcNow();
        if (current.EndsAt <= now) return null;
        return current.Failures >= limit ? current.EndsAt - now : null;
    }

    public void RecordFailure(string client)
    {
        var now = time.GetUtcNow();
        if (_windows.Count > PruneAbove) Prune(now);
        _windows.AddOrUpdate(client,
            _ => new Window(now + window, 1),
            (_, current) => current.EndsAt <= now ? new Window(now + window, 1) : current with { Failures = current.Failures + 1 });
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (client, current) in _windows)
        {
            if (current.EndsAt <= now) _windows.TryRemove(client, out _);
        }
    }

    private sealed record Window(DateTimeOffset EndsAt, int Failures);
}
