using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Plugins;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>The current tenant's active version of a kind, as the evaluators take it.</summary>
public sealed class ActiveRuleSets(AppDbContext db, ITenantContext tenant, ActiveRuleSetCache cache, RuleSetTemplateSeeder templates)
{
    /// <summary>The active version, or null when the tenant has none (it then gets the templates first).</summary>
    public Task<RuleSetSource?> GetActiveAsync(RuleSetKind kind, CancellationToken ct = default)
    {
        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("Rule sets are read as a tenant.");
        return cache.GetOrLoadAsync(tenantId, kind, async () =>
        {
            var active = await LoadAsync(kind, ct);
            if (active is null)
            {
                await templates.EnsureAsync(ct);
                active = await LoadAsync(kind, ct);
            }
            return active is null
                ? null
                : new RuleSetSource(new RuleSetRef(IdGuids.Of(tenantId), kind, active.Version), active.WorkflowJson, await db.EnabledPluginNamesAsync(ct));
        });
    }

    private Task<RuleSetVersion?> LoadAsync(RuleSetKind kind, CancellationToken ct) =>
        db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Kind == kind && v.Status == RuleSetStatus.Active, ct);
}
