using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommunitySaaS.Api.Health;

public static class HealthEndpoints
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"])
            .AddCheck<OutboxLagCheck>("outbox", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database is reachable and fully migrated
    /// (else Unhealthy, 503); Degraded (still 200) while event delivery lags (<see cref="OutboxLagCheck"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}

internal sealed class DatabaseReadyCheck(DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await migrator.IsReadyAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database has pending migrations.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database is unreachable.", ex);
        }
    }
}

/// <summary>Degraded while the oldest pending event of an active brand is older than <c>Outbox:DegradedAfterSeconds</c>.</summary>
internal sealed class OutboxLagCheck(OutboxBacklog backlog, OutboxOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var snapshot = await backlog.MeasureAsync(cancellationToken);
            var data = new Dictionary<string, object>
            {
                ["pending"] = snapshot.Pending, ["oldestPendingAgeSeconds"] = Math.Round(snapshot.OldestPendingAgeSeconds, 1), ["deadLettered"] = snapshot.DeadLettered,
            };
            return snapshot.OldestPendingAgeSeconds > options.DegradedAfterSeconds
                ? HealthCheckResult.Degraded($"The oldest pending event is {snapshot.OldestPendingAgeSeconds:F0} s old (limit {options.DegradedAfterSeconds:F0} s).", data: data)
                : HealthCheckResult.Healthy(data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database check reports an unreachable database; the lag is then simply unknown.
            return HealthCheckResult.Degraded("The outbox backlog could not be measured.", ex);
        }
    }
}
