using System.Diagnostics.Metrics;
using CommunitySaaS.Core.Observability;

namespace CommunitySaaS.Core.Webhooks;

public static class WebhookMetrics
{
    private static readonly Counter<long> Attempts = AppMetrics.Meter.CreateCounter<long>(
        "communitysaas.webhooks.attempts", "{attempt}", "Delivery attempts, by outcome (delivered, failed).");

    private static readonly Histogram<double> Latency = AppMetrics.Meter.CreateHistogram<double>(
        "communitysaas.webhooks.latency", "ms", "Time from sending a delivery to the receiver's answer (or the timeout).");

    internal static void Record(WebhookAttempt attempt)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", attempt.Delivered ? "delivered" : "failed");
        Attempts.Add(1, outcome);
        Latency.Record(attempt.LatencyMs, outcome);
    }
}
