using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Admin.Pages.RuleSets;

/// <summary>The console's rule set addresses, named once so pages and links agree.</summary>
public static class RuleSetRoutes
{
    public static string Kind(RuleSetKind kind) => $"admin/rules/{RuleSetKinds.Name(kind)}";

    public static string Version(RuleSetKind kind, int version) => $"{Kind(kind)}/{version}";

    /// <summary>The editor for a new draft, starting from <paramref name="from"/> (the active version when null).</summary>
    public static string NewDraft(RuleSetKind kind, int? from = null) => from is null ? $"{Kind(kind)}/new" : $"{Kind(kind)}/new?from={from}";

    public static string Title(RuleSetKind kind) => kind switch
    {
        RuleSetKind.Points => "Points",
        RuleSetKind.Tiers => "Tiers",
        _ => "Commission",
    };
}
