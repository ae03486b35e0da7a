using CommunitySaaS.Core.ApiKeys;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Demo;

/// <summary>
/// The demo's key is in the repository, so where the demo is not wanted it must not work, even in a database an
/// earlier run seeded (before the seed became opt-in outside Development, every plain run seeded it).
/// </summary>
public sealed class DemoLeftovers(AppDbContext db, DemoOptions options, TimeProvider time)
{
    /// <summary>Revokes the demo secret key wherever it is still active; returns how many keys it revoked.</summary>
    public Task<int> RevokeDemoKeyAsync(CancellationToken ct = default)
    {
        var hash = ApiKeySecrets.Hash(options.SecretKey);
        var now = time.GetUtcNow();
        return db.ApiKeys.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
    }
}
