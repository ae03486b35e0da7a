using System.Diagnostics.Metrics;

namespace CommunitySaaS.Core.Observability;

/// <summary>
/// The application's one meter. Instruments are static so any feature can record without plumbing; the
/// host exports everything on this meter (Prometheus at <c>/metrics</c>).
/// </summary>
public static class AppMetrics
{
    public const string MeterName = "CommunitySaaS";

    public static readonly Meter Meter = new(MeterName, "1.0");
}
