using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CommunitySaaS.Core.ApiKeys;

public sealed class ApiKeyService(AppDbContext db, IMemoryCache cache, TimeProvider time)
{
    /// <summary>How long a looked-up key is trusted on one node; revocation on another node takes at most this long.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiKey> CreateAsync(CreateApiKey command, CancellationToken ct = default) =>
        await CreateAsync(command, ApiKeySecrets.Generate(command.Kind!.Value), ct);

    /// <summary>Creates a key with given material; the demo seed uses it so the demo key is stable across restarts.</summary>
    public async Task<CreatedApiKey> CreateAsync(CreateApiKey command, string secret, CancellationToken ct = default)
    {
        var key = new ApiKey
        {
            Name = command.Name.Trim(), Kind = command.Kind!.Value, Hash = ApiKeySecrets.Hash(secret),
            Hint = ApiKeySecrets.Hint(secret), CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(ToView(key), secret);
    }

    public async Task<Page<ApiKeyView>> ListAsync(int limit, string? after, CancellationToken ct = default)
    {
        var page = new PageRequest(limit, after);
        var rows = await db.ApiKeys.AsNoTracking().Window(k => k.Id, page).ToListAsync(ct);
        return page.ToPage(rows, k => k.Id).Map(ToView);
    }

    public async Task<ServiceResult<ApiKeyView>> RevokeAsync(string id, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return ServiceResult<ApiKeyView>.NotFound($"No API key with id '{id}'.");
        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            AuditNames.Name(key, "api_key.revoked");
            await db.SaveChangesAsync(ct);
            cache.Remove(CacheKey(key.Hash));
        }
        return ServiceResult<ApiKeyView>.Ok(ToView(key));
    }

    /// <summary>
    /// Finds the live key behind a presented secret, across tenants (the key names its tenant).
    /// Cached briefly, and last-used is written at most once a minute, to keep the hot path off the database.
    /// </summary>
    public async Task<ApiKeyIdentity?> AuthenticateAsync(string presented, CancellationToken ct = default)
    {
        var hash = ApiKeySecrets.Hash(presented);
        var identity = await cache.GetOrCreateAsync(CacheKey(hash), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await (
                from k in db.ApiKeys.IgnoreQueryFilters([AppDbContext.TenantFilter])
                join t in db.Tenants on k.TenantId equals t.Id
                where k.Hash == hash && k.RevokedAt == null
                select new ApiKeyIdentity(k.Id, t.Id, t.Slug, k.Kind, k.Name)).FirstOrDefaultAsync(ct);
        });
        if (identity is not null && cache.TryGetValue(TouchKey(identity.KeyId), out _) is false)
        {
            cache.Set(TouchKey(identity.KeyId), true, TouchEvery);
            var now = time.GetUtcNow();
            await db.ApiKeys.IgnoreQueryFilters([AppDbContext.TenantFilter]).Where(k => k.Id == identity.KeyId)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }
        return identity;
    }

    private static string CacheKey(string hash) => $"apikey:{hash}";

    private static string TouchKey(string id) => $"apikey-touch:{id}";

    private static ApiKeyView ToView(ApiKey k) => new(k.Id, k.Name, k.Kind, k.Hint, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}
