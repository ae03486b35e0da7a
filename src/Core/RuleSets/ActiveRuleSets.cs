using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Plugins;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>A version chosen for an evaluation: its <c>rsv_…</c> id and what the evaluator needs.</summary>
public sealed record PinnedRuleSet(string VersionId, RuleSetSource Source);

/// <summary>The current tenant's version of a kind that was in force at a given instant. Reads only: a brand's templates are seeded when it is created.</summary>
public sealed class ActiveRuleSets(AppDbContext db, ITenantContext tenant, ActiveRuleSetCache cache)
{
    /// <summary>The version active at <paramref name="at"/>, or null when the tenant had none then.</summary>
    public async Task<PinnedRuleSet?> GetAtAsync(RuleSetKind kind, DateTimeOffset at, CancellationToken ct = default)
    {
        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("Rule sets are read as a tenant.");
        var timeline = await cache.GetTimelineAsync(tenantId, kind, at, () => LoadTimelineAsync(kind, ct));
        if (timeline.At(at) is not { } entry) return null;
        var workflow = await cache.GetWorkflowAsync(entry.VersionId,
            () => db.RuleSetVersions.AsNoTracking().Where(v => v.Id == entry.VersionId).Select(v => v.WorkflowJson).SingleAsync(ct));
        var plugins = await cache.GetPluginsAsync(tenantId, async () => await db.EnabledPluginNamesAsync(ct));
        return new PinnedRuleSet(entry.VersionId, new RuleSetSource(new RuleSetRef(IdGuids.Of(tenantId), kind, entry.Version), workflow, plugins));
    }

    private async Task<IReadOnlyList<RuleSetTimelineEntry>> LoadTimelineAsync(RuleSetKind kind, CancellationToken ct) =>
        await db.RuleSetVersions.AsNoTracking()
            .Where(v => v.Kind == kind && v.PublishedAt != null)
            .Select(v => new RuleSetTimelineEntry(v.Id, v.Version, v.PublishedAt!.Value, v.ArchivedAt))
            .ToListAsync(ct);
}
