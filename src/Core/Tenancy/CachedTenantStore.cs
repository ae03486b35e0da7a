using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CommunitySaaS.Core.Tenancy;

/// <summary>
/// Tenants from the database, cached briefly: every request resolves one, and they rarely change. Only tenants
/// that exist are cached, so a brand created right after someone asked for its slug is reachable at once, on every node.
/// </summary>
internal sealed class CachedTenantStore(AppDbContext db, IMemoryCache cache) : ITenantStore
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    public Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken ct = default) =>
        FindAsync(Key("slug", identifier), t => t.Slug == identifier, ct);

    public Task<TenantInfo?> FindByIdAsync(string id, CancellationToken ct = default) =>
        FindAsync(Key("id", id), t => t.Id == id, ct);

    public async Task<IReadOnlyList<TenantInfo>> ListActiveAsync(CancellationToken ct = default) =>
        (await db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active).OrderBy(t => t.Slug).ToListAsync(ct))
        .Select(t => t.ToInfo()).ToList();

    public void Invalidate(TenantInfo tenant)
    {
        cache.Remove(Key("slug", tenant.Identifier));
        cache.Remove(Key("id", tenant.Id));
    }

    private async Task<TenantInfo?> FindAsync(string key, System.Linq.Expressions.Expression<Func<Tenant, bool>> match, CancellationToken ct)
    {
        if (cache.TryGetValue(key, out TenantInfo? cached)) return cached;
        var tenant = (await db.Tenants.AsNoTracking().FirstOrDefaultAsync(match, ct))?.ToInfo();
        if (tenant is not null) cache.Set(key, tenant, Ttl);
        return tenant;
    }

    private static string Key(string kind, string value) => $"tenant:{kind}:{value}";
}
