using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Plugins;

public sealed record TenantPluginView(
    string Name, string Version, string Description, IReadOnlyList<string> Functions, IReadOnlyList<string> Actions,
    string Source, bool Enabled, DateTimeOffset? EnabledAt, string? EnabledBy);

/// <summary>Which of the host's plugins the current tenant's rules may use.</summary>
public sealed class TenantPluginService(
    AppDbContext db, IPluginCatalog catalog, IRuleSetValidator validator, ActiveRuleSetCache active, ITenantContext tenant, TimeProvider time)
{
    public async Task<IReadOnlyList<TenantPluginView>> ListAsync(CancellationToken ct = default)
    {
        var enabled = await db.TenantPlugins.AsNoTracking().ToDictionaryAsync(p => p.Name, StringComparer.OrdinalIgnoreCase, ct);
        return catalog.Plugins.OrderBy(p => p.Name).Select(p => View(p, enabled.GetValueOrDefault(p.Name))).ToList();
    }

    /// <summary>Enables a plugin; enabling it again changes nothing. Two enables at once: the unique index keeps one row, the other reads it.</summary>
    public async Task<ServiceResult<TenantPluginView>> EnableAsync(string name, string actor, CancellationToken ct = default)
    {
        if (Find(name) is not { } plugin) return Unknown(name);
        var row = await RetryOnConflict.RunAsync(db, async token =>
        {
            var existing = await db.TenantPlugins.FirstOrDefaultAsync(p => p.Name == plugin.Name, token);
            if (existing is not null) return (Row: existing, Added: false);
            var added = new TenantPlugin { Name = plugin.Name, EnabledBy = actor, EnabledAt = time.GetUtcNow() };
            db.TenantPlugins.Add(added);
            await db.SaveChangesAsync(token);
            return (Row: added, Added: true);
        }, ct);
        if (row.Added) active.InvalidateAll(tenant.TenantId!);
        return ServiceResult<TenantPluginView>.Ok(View(plugin, row.Row));
    }

    /// <summary>Disables a plugin, unless an active rule set still calls it: that would stop the tenant's rewards.</summary>
    public async Task<ServiceResult<TenantPluginView>> DisableAsync(string name, CancellationToken ct = default)
    {
        if (Find(name) is not { } plugin) return Unknown(name);
        var row = await db.TenantPlugins.FirstOrDefaultAsync(p => p.Name == plugin.Name, ct);
        if (row is null) return ServiceResult<TenantPluginView>.Ok(View(plugin, null));
        var remaining = await db.TenantPlugins.AsNoTracking().Where(p => p.Name != plugin.Name).Select(p => p.Name).ToListAsync(ct);
        var actives = await db.RuleSetVersions.AsNoTracking().Where(v => v.Status == RuleSetStatus.Active).ToListAsync(ct);
        var needing = actives.Where(v => !validator.Validate(v.Kind, v.WorkflowJson, remaining).IsValid).ToList();
        if (needing.Count > 0)
        {
            var which = string.Join(", ", needing.Select(v => $"{RuleSetKinds.Name(v.Kind)} version {v.Version}"));
            return ServiceResult<TenantPluginView>.Conflict($"The active {which} uses {plugin.Name}; publish a version without it first.");
        }
        db.TenantPlugins.Remove(row);
        await db.SaveChangesAsync(ct);
        active.InvalidateAll(tenant.TenantId!);
        return ServiceResult<TenantPluginView>.Ok(View(plugin, null));
    }

    private PluginInfo? Find(string name) => catalog.Plugins.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static ServiceResult<TenantPluginView> Unknown(string name) =>
        ServiceResult<TenantPluginView>.NotFound($"There is no plugin named '{name}'.");

    private static TenantPluginView View(PluginInfo p, TenantPlugin? row) =>
        new(p.Name, p.Version.ToString(), p.Description, p.Functions, p.Actions, p.Source, row is not null, row?.EnabledAt, row?.EnabledBy);
}
