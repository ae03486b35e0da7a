using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Plugins;

/// <summary>A plugin the tenant enabled: its rules may call the plugin's functions and actions.</summary>
[Auditable("plugin", Created = "plugin.enabled", Deleted = "plugin.disabled")]
public sealed class TenantPlugin : ITenantOwned
{
    public string Id { get; init; } = Ids.New("tpl");
    public string TenantId { get; set; } = "";
    public required string Name { get; init; }
    public required string EnabledBy { get; init; }
    public DateTimeOffset EnabledAt { get; init; }
}
