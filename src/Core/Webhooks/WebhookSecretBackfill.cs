using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>
/// Protects the legacy plain secrets left from before protection (a migration cannot call Data Protection). Batched, in
/// id order; each column is replaced by one conditional update (<c>WHERE Secret = @plain</c>), so a rerun, a rotation
/// in between or another node's backfill at the same time makes it a no-op rather than a second write.
/// </summary>
public sealed class WebhookSecretBackfill(IServiceScopeFactory scopes, WebhookSecrets secrets)
{
    private const int Batch = 100;

    /// <summary>Returns how many stored secrets (current or previous) this run protected.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var protectedCount = 0;
        var after = "";
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var endpoints = scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookEndpoints.IgnoreQueryFilters([AppDbContext.TenantFilter]);
            var legacy = await endpoints.AsNoTracking()
                .Where(e => string.Compare(e.Id, after) > 0
                    && (e.Secret.StartsWith(WebhookSignature.SecretPrefix) || e.PreviousSecret!.StartsWith(WebhookSignature.SecretPrefix)))
                .OrderBy(e => e.Id).Take(Batch).Select(e => new { e.Id, e.Secret, e.PreviousSecret }).ToListAsync(ct);
            foreach (var row in legacy)
            {
                if (WebhookSecrets.IsLegacyPlain(row.Secret))
                {
                    var sealedSecret = secrets.Protect(row.Secret);
                    protectedCount += await endpoints.Where(e => e.Id == row.Id && e.Secret == row.Secret)
                        .ExecuteUpdateAsync(s => s.SetProperty(e => e.Secret, sealedSecret), ct);
                }
                if (row.PreviousSecret is { } previous && WebhookSecrets.IsLegacyPlain(previous))
                {
                    var sealedPrevious = secrets.Protect(previous);
                    protectedCount += await endpoints.Where(e => e.Id == row.Id && e.PreviousSecret == previous)
                        .ExecuteUpdateAsync(s => s.SetProperty(e => e.PreviousSecret, sealedPrevious), ct);
                }
            }
            if (legacy.Count < Batch) return protectedCount;
            after = legacy[^1].Id;
        }
    }
}
