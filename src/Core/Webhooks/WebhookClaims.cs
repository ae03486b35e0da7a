using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Webhooks;

/// <param name="EndpointFailing">Whether the endpoint was marked failing when claimed: an endpoint has one delivery in flight at a
/// time, so only a success after failures needs to clear the mark.</param>
internal sealed record ClaimedDelivery(WebhookDelivery Delivery, WebhookTarget Target, bool EndpointFailing);

/// <summary>
/// The deliveries' state changes, the outbox's claim pattern (see <c>OutboxClaims</c>): one conditional statement
/// each, so any number of nodes can run at once, and only the claim's token holder records an outcome. Eligible: a
/// pending delivery whose backoff is over, not leased, of an enabled endpoint of an active brand, and the oldest
/// pending one of its endpoint, so an endpoint gets its events one at a time in event order.
/// </summary>
internal sealed class WebhookClaims(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, TimeProvider time, WebhookOptions options)
{
    public async Task<(string Token, List<ClaimedDelivery> Claimed)> ClaimAsync(int max, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var token = Guid.NewGuid().ToString("N");
        var deliveries = db.WebhookDeliveries.IgnoreQueryFilters([AppDbContext.TenantFilter]);
        var claimed = db.Database.IsNpgsql()
            ? await WebhookPostgresClaim.ExecuteAsync(db, token, now, now + options.Lease, max, ct)
            : await PortableClaimAsync(db, deliveries, token, now, max, ct);
        if (claimed == 0) return (token, []);
        var rows = await (from d in deliveries.AsNoTracking()
                          join e in db.WebhookEndpoints.IgnoreQueryFilters([AppDbContext.TenantFilter]) on d.EndpointId equals e.Id
                          where d.ClaimToken == token
                          select new { d, e.Url, e.Secret, e.PreviousSecret, e.PreviousSecretExpiresAt, e.FailingSince }).ToListAsync(ct);
        return (token, rows.Select(r => new ClaimedDelivery(r.d, new WebhookTarget(r.Url, r.Secret, r.PreviousSecret, r.PreviousSecretExpiresAt), r.FailingSince != null)).ToList());
    }

    private Task<int> PortableClaimAsync(AppDbContext db, IQueryable<WebhookDelivery> all, string token, DateTimeOffset now, int max, CancellationToken ct)
    {
        var endpoints = db.WebhookEndpoints.IgnoreQueryFilters([AppDbContext.TenantFilter]);
        var eligible = all
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now))
            .Where(d => endpoints.Any(e => e.Id == d.EndpointId && e.Enabled))
            .Where(d => db.Tenants.Any(t => t.Id == d.TenantId && t.Status == TenantStatus.Active))
            .Where(d => !all.Any(p => p.EndpointId == d.EndpointId && p.Status == WebhookDeliveryStatus.Pending
                && (p.EventAt < d.EventAt || (p.EventAt == d.EventAt && string.Compare(p.Id, d.Id) < 0))))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Take(max).Select(d => d.Id);
        // The row's own conditions again, so of two nodes racing for the same rows each goes to one of them.
        return all
            .Where(d => eligible.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending && (d.LockedUntil == null || d.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimToken, token).SetProperty(d => d.LockedUntil, now + options.Lease)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
    }

    /// <summary>Records one attempt's outcome if this claim still holds the delivery; a failure backs off, or fails for good after the retry period.</summary>
    public async Task RecordAsync(ClaimedDelivery claimed, string token, WebhookAttempt attempt)
    {
        var delivery = claimed.Delivery;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var held = db.WebhookDeliveries.IgnoreQueryFilters([AppDbContext.TenantFilter]).Where(d => d.Id == delivery.Id && d.ClaimToken == token);
        var endpoint = db.WebhookEndpoints.IgnoreQueryFilters([AppDbContext.TenantFilter]).Where(e => e.Id == delivery.EndpointId);
        if (attempt.Delivered)
        {
            if (await held.ExecuteUpdateAsync(s => Attempted(s, attempt, now).SetProperty(d => d.Status, WebhookDeliveryStatus.Delivered)
                    .SetProperty(d => d.DeliveredAt, now)) == 1 && claimed.EndpointFailing)
            {
                await endpoint.Where(e => e.FailingSince != null).ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, (DateTimeOffset?)null));
            }
            return;
        }
        var giveUp = now >= delivery.CreatedAt + TimeSpan.FromHours(options.RetryForHours);
        var next = now + options.BackoffAfter(delivery.Attempts, Random.Shared.NextDouble());
        if (await held.ExecuteUpdateAsync(s => Attempted(s, attempt, now)
                .SetProperty(d => d.Status, giveUp ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending)
                .SetProperty(d => d.NextAttemptAt, giveUp ? now : next)) == 0) return;
        await endpoint.Where(e => e.FailingSince == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, now));
        await DisableIfFailingTooLongAsync(db, delivery, now);
    }

    private static Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<WebhookDelivery> Attempted(
        Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<WebhookDelivery> s, WebhookAttempt attempt, DateTimeOffset now) =>
        s.SetProperty(d => d.ClaimToken, (string?)null).SetProperty(d => d.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(d => d.LastAttemptAt, now).SetProperty(d => d.ResponseStatus, attempt.Status)
            .SetProperty(d => d.ResponseBody, attempt.Body).SetProperty(d => d.LatencyMs, attempt.LatencyMs)
            .SetProperty(d => d.LastError, attempt.Error);

    /// <summary>
    /// Switches off an endpoint that has not had a success for <see cref="WebhookOptions.DisableAfterDays"/>, by a
    /// conditional update so of two nodes one does it, and logs it for the brand's Owners.
    /// </summary>
    private async Task DisableIfFailingTooLongAsync(AppDbContext db, WebhookDelivery delivery, DateTimeOffset now)
    {
        var since = now - TimeSpan.FromDays(options.DisableAfterDays);
        if (await db.WebhookEndpoints.IgnoreQueryFilters([AppDbContext.TenantFilter])
                .Where(e => e.Id == delivery.EndpointId && e.Enabled && e.FailingSince != null && e.FailingSince <= since)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Enabled, false).SetProperty(e => e.DisabledForFailuresAt, now)) == 0) return;
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == delivery.TenantId);
        await using var scope = tenantScopes.CreateScope(tenant.ToInfo());
        var tenantDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        tenantDb.Record("webhook_endpoint.disabled_for_failures", "webhook_endpoint", delivery.EndpointId,
            new { reason = $"Deliveries failed for {options.DisableAfterDays:0.#} days without a success.", lastError = delivery.LastError });
        await tenantDb.SaveChangesAsync();
    }

    /// <summary>Gives back deliveries of a claim not attempted (on shutdown), so another node takes them at once.</summary>
    public async Task ReleaseAsync(string id, string token)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookDeliveries.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(d => d.Id == id && d.ClaimToken == token)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimToken, (string?)null).SetProperty(d => d.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(d => d.Attempts, d => d.Attempts - 1));
    }
}
