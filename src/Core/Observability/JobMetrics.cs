using System.Diagnostics.Metrics;

namespace CommunitySaaS.Core.Observability;

/// <summary>How long recurring jobs take, per job id and outcome: <c>communitysaas_job_duration_seconds</c> in Prometheus.</summary>
public static class JobMetrics
{
    private static readonly Histogram<double> Duration = AppMetrics.Meter.CreateHistogram<double>(
        "communitysaas.job.duration", "s", "Time one run of a recurring job took.");

    public static void RecordDuration(string jobId, string status, double seconds) =>
        Duration.Record(seconds, new KeyValuePair<string, object?>("job", jobId), new KeyValuePair<string, object?>("status", status));
}
