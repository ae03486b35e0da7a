using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>Kinds as URLs and JSON name them: <c>points</c>, <c>tiers</c>, <c>commission</c>.</summary>
public static class RuleSetKinds
{
    public static readonly IReadOnlyList<RuleSetKind> All = Enum.GetValues<RuleSetKind>();

    public static string Name(RuleSetKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out RuleSetKind kind)
    {
        kind = All.FirstOrDefault(k => string.Equals(Name(k), text, StringComparison.OrdinalIgnoreCase));
        return text is not null && string.Equals(Name(kind), text, StringComparison.OrdinalIgnoreCase);
    }

    public static string Allowed => string.Join(", ", All.Select(Name));
}
