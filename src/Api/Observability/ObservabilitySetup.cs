using CommunitySaaS.Core.Observability;
using OpenTelemetry.Metrics;

namespace CommunitySaaS.Api.Observability;

/// <summary>
/// OpenTelemetry metrics: the application's meter (outbox, group commit, jobs) with ASP.NET Core's and the
/// runtime's, scraped in Prometheus format on a management path outside <c>/api</c>
/// (<c>Observability:MetricsPath</c>, <c>/metrics</c> by default; empty turns it off).
/// </summary>
public static class ObservabilitySetup
{
    private const string PathKey = "Observability:MetricsPath";
    private const string DefaultPath = "/metrics";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(AppMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
            .AddPrometheusExporter());
        return builder;
    }

    public static IEndpointRouteBuilder MapObservability(this IEndpointRouteBuilder app)
    {
        var path = app.ServiceProvider.GetRequiredService<IConfiguration>()[PathKey] ?? DefaultPath;
        if (path.Length == 0) return app;
        if (path.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{PathKey} must not be under /api, where every request needs a brand's key.");
        }
        app.MapPrometheusScrapingEndpoint(path);
        return app;
    }
}
