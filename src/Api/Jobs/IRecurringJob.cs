namespace CommunitySaaS.Api.Jobs;

/// <summary>
/// A recurring job. Hangfire carries only its id; the job finds its work in the database, so a lost queue
/// loses nothing, and it must be safe to run twice or on two nodes at once (conditional updates).
/// Per-tenant jobs run each tenant through <c>TenantScopeFactory.ForEachActiveTenantAsync</c>, which skips suspended tenants.
/// </summary>
public interface IRecurringJob
{
    string Id { get; }
    string Cron { get; }
    Task RunAsync(CancellationToken ct);
}
