using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CommunitySaaS.Core.Orders;

/// <summary>
/// The member and community lookups of order ingest, cached per tenant: a member id never changes for a storefront
/// id and neither members nor communities are deleted, so a hit is always still true. Only hits are cached, so a
/// member upserted a moment ago is found at once.
/// </summary>
public sealed class OrderReferences(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<string?> MemberIdAsync(AppDbContext db, string tenantId, string externalId, CancellationToken ct)
    {
        var key = ("order-member", tenantId, externalId);
        if (cache.TryGetValue(key, out string? id)) return id;
        id = await db.Members.Where(m => m.ExternalId == externalId).Select(m => m.Id).FirstOrDefaultAsync(ct);
        if (id is not null) cache.Set(key, id, Lifetime);
        return id;
    }

    public async Task<bool> CommunityExistsAsync(AppDbContext db, string tenantId, string communityId, CancellationToken ct)
    {
        var key = ("order-community", tenantId, communityId);
        if (cache.TryGetValue(key, out _)) return true;
        var exists = await db.Communities.AnyAsync(c => c.Id == communityId, ct);
        if (exists) cache.Set(key, true, Lifetime);
        return exists;
    }
}
