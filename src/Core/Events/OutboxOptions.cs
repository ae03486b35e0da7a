namespace CommunitySaaS.Core.Events;

/// <summary>The <c>Outbox</c> configuration section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Failed deliveries of one message before it is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long a claim holds without renewal; a working node renews it every third of this.</summary>
    public double LeaseSeconds { get; set; } = 30;

    /// <summary>Messages one claim takes; small, so a slow batch holds few messages away from other nodes.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Messages of one claim handled at once. Safe for order: a claim never holds two events of one aggregate,
    /// since only an aggregate's first unprocessed event is eligible.
    /// </summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to <see cref="MaxBackoffSeconds"/>.</summary>
    public double BackoffSeconds { get; set; } = 5;
    public double MaxBackoffSeconds { get; set; } = 300;

    /// <summary>How often an idle processor looks for work committed by other nodes.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Processed messages (and their inbox rows) are purged after this many days.</summary>
    public double RetentionDays { get; set; } = 7;

    /// <summary>Rows one purge statement removes; each chunk is its own short transaction.</summary>
    public int PurgeChunk { get; set; } = 1000;

    /// <summary><c>/health/ready</c> reports Degraded while the oldest pending event is older than this.</summary>
    public double DegradedAfterSeconds { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan BackoffAfter(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoffSeconds, BackoffSeconds * Math.Pow(2, Math.Max(0, failures - 1))));
}
