using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CommunitySaaS.Core.Tenancy;

/// <summary>Tenants from the database, cached briefly: every request resolves one, and they rarely change.</summary>
internal sealed class CachedTenantStore(AppDbContext db, IMemoryCache cache) : ITenantStore
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    public Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken ct = default) =>
        cache.GetOrCreateAsync(Key("slug", identifier), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = Ttl;
            var t = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == identifier, ct);
            return t?.ToInfo();
        });

    public Task<TenantInfo?> FindByIdAsync(string id, CancellationToken ct = default) =>
        cache.GetOrCreateAsync(Key("id", id), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = Ttl;
            var t = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            return t?.ToInfo();
        });

    public async Task<IReadOnlyList<TenantInfo>> ListActiveAsync(CancellationToken ct = default) =>
        (await db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active).OrderBy(t => t.Slug).ToListAsync(ct))
        .Select(t => t.ToInfo()).ToList();

    public void Invalidate(TenantInfo tenant)
    {
        cache.Remove(Key("slug", tenant.Identifier));
        cache.Remove(Key("id", tenant.Id));
    }

    private static string Key(string kind, string value) => $"tenant:{kind}:{value}";
}
