using CommunitySaaS.Rules;
using Microsoft.Extensions.Caching.Memory;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// The active version of each (tenant, kind) in memory, so the evaluation hot path does not read the
/// database. Publishing on this node clears the entry at once; the short lifetime bounds how long another
/// node may keep evaluating the version that was active before.
/// </summary>
public sealed class ActiveRuleSetCache(IMemoryCache cache)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    public async Task<RuleSetSource?> GetOrLoadAsync(string tenantId, RuleSetKind kind, Func<Task<RuleSetSource?>> load)
    {
        if (cache.TryGetValue(Key(tenantId, kind), out RuleSetSource? source)) return source;
        source = await load();
        if (source is not null) cache.Set(Key(tenantId, kind), source, Ttl);
        return source;
    }

    public void Invalidate(string tenantId, RuleSetKind kind) => cache.Remove(Key(tenantId, kind));

    public void InvalidateAll(string tenantId)
    {
        foreach (var kind in RuleSetKinds.All) Invalidate(tenantId, kind);
    }

    private static string Key(string tenantId, RuleSetKind kind) => $"ruleset:active:{tenantId}:{kind}";
}
