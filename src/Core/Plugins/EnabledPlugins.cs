using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Plugins;

internal static class EnabledPlugins
{
    /// <summary>The current tenant's enabled plugin names: what its rules may reach.</summary>
    public static async Task<IReadOnlyCollection<string>> EnabledPluginNamesAsync(this AppDbContext db, CancellationToken ct) =>
        await db.TenantPlugins.AsNoTracking().OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(ct);
}
