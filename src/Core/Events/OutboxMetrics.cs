using System.Diagnostics.Metrics;
using CommunitySaaS.Core.Observability;

namespace CommunitySaaS.Core.Events;

/// <summary>The outbox's instruments. The backlog gauges read the last snapshot of <see cref="OutboxMonitor"/>.</summary>
public static class OutboxMetrics
{
    private static readonly Counter<long> Attempts = AppMetrics.Meter.CreateCounter<long>(
        "communitysaas.outbox.handler_attempts", "{attempt}", "Handler invocations, by outcome (handled, failed, lost_claim, duplicate).");

    private static readonly Counter<long> DeadLetters = AppMetrics.Meter.CreateCounter<long>(
        "communitysaas.outbox.dead_letters", "{message}", "Messages dead-lettered after their last allowed attempt.");

    private static readonly Counter<long> Delivered = AppMetrics.Meter.CreateCounter<long>(
        "communitysaas.outbox.delivered", "{message}", "Messages whose every handler has committed.");

    private static readonly Histogram<double> HandlerDuration = AppMetrics.Meter.CreateHistogram<double>(
        "communitysaas.outbox.handler_duration", "s", "One handler's unit of work on one event, from its scope to its commit, by handler and outcome.");

    private static OutboxBacklogSnapshot _backlog = OutboxBacklogSnapshot.Empty;

    static OutboxMetrics()
    {
        AppMetrics.Meter.CreateObservableGauge("communitysaas.outbox.backlog", () => _backlog.Pending, "{message}",
            "Pending messages of active brands (neither processed nor dead-lettered).");
        AppMetrics.Meter.CreateObservableGauge("communitysaas.outbox.oldest_pending_age", () => _backlog.OldestPendingAgeSeconds, "s",
            "Age of the oldest pending message of an active brand.");
        AppMetrics.Meter.CreateObservableGauge("communitysaas.outbox.dead_lettered", () => _backlog.DeadLettered, "{message}",
            "Messages currently dead-lettered, waiting for a replay.");
    }

    public static void RecordAttempt(string handler, string outcome, TimeSpan duration)
    {
        Attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        HandlerDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("handler", handler), new KeyValuePair<string, object?>("outcome", outcome));
    }

    public static void RecordDeadLetter(string type) => DeadLetters.Add(1, new KeyValuePair<string, object?>("type", type));

    public static void RecordDelivered() => Delivered.Add(1);

    public static void Observe(OutboxBacklogSnapshot snapshot) => _backlog = snapshot;
}
