using CommunitySaaS.Rules;
using Microsoft.Extensions.Caching.Memory;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// What the evaluation hot path would otherwise read from the database: each (tenant, kind)'s version timeline, each
/// version's workflow (never changes once saved) and each tenant's enabled plugins. Publishing on this node drops the
/// timeline at once; a publish on another node is caught because a timeline only answers for instants older than its
/// load (<see cref="RuleSetTimeline.Settles"/>), so an event recorded just now always reads the latest timeline.
/// </summary>
public sealed class ActiveRuleSetCache(IMemoryCache cache, TimeProvider time)
{
    /// <summary>How long a publish's transaction may take to commit after it stamps <c>PublishedAt</c>, plus clock skew between nodes.</summary>
    public static readonly TimeSpan PublishMargin = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan TimelineTtl = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan WorkflowTtl = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan PluginsTtl = TimeSpan.FromSeconds(30);

    public async Task<RuleSetTimeline> GetTimelineAsync(
        string tenantId, RuleSetKind kind, DateTimeOffset at, Func<Task<IReadOnlyList<RuleSetTimelineEntry>>> load)
    {
        var key = TimelineKey(tenantId, kind);
        if (cache.TryGetValue(key, out RuleSetTimeline? timeline) && timeline!.Settles(at, PublishMargin)) return timeline;
        var loadedAt = time.GetUtcNow();
        timeline = new RuleSetTimeline(await load(), loadedAt);
        cache.Set(key, timeline, TimelineTtl);
        return timeline;
    }

    public async Task<string> GetWorkflowAsync(string versionId, Func<Task<string>> load) =>
        (await cache.GetOrCreateAsync($"ruleset:workflow:{versionId}", async entry =>
        {
            entry.SlidingExpiration = WorkflowTtl;
            return await load();
        }))!;

    public async Task<IReadOnlyCollection<string>> GetPluginsAsync(string tenantId, Func<Task<IReadOnlyCollection<string>>> load) =>
        (await cache.GetOrCreateAsync(PluginsKey(tenantId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = PluginsTtl;
            return await load();
        }))!;

    /// <summary>After a publish or rollback of <paramref name="kind"/>.</summary>
    public void Invalidate(string tenantId, RuleSetKind kind) => cache.Remove(TimelineKey(tenantId, kind));

    /// <summary>After the tenant's plugins change: every kind compiles against the new set.</summary>
    public void InvalidateAll(string tenantId)
    {
        foreach (var kind in RuleSetKinds.All) Invalidate(tenantId, kind);
        cache.Remove(PluginsKey(tenantId));
    }

    private static string TimelineKey(string tenantId, RuleSetKind kind) => $"ruleset:timeline:{tenantId}:{kind}";

    private static string PluginsKey(string tenantId) => $"ruleset:plugins:{tenantId}";
}
