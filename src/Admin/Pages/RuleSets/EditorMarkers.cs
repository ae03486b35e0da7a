using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Admin.Pages.RuleSets;

/// <summary>
/// Ties the validator's errors to the editor's text: the line of each offending rule, and the rule names in
/// the text, so a plain text area (no JavaScript editor on an offline machine) can still point at the problem.
/// </summary>
public static partial class EditorMarkers
{
    /// <summary>The 1-based line where <paramref name="rule"/>'s <c>RuleName</c> is written; null when it cannot be found.</summary>
    public static int? LineOf(string text, string? rule)
    {
        if (rule is null) return null;
        foreach (Match match in RuleNameProperty().Matches(text))
        {
            if (match.Groups["name"].Value == rule) return 1 + text.AsSpan(0, match.Index).Count('\n');
        }
        return null;
    }

    /// <summary>The rule names written in the text, in order; empty while the text is not a workflow object.</summary>
    public static IReadOnlyList<string> RuleNames(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject workflow
                && workflow.FirstOrDefault(p => string.Equals(p.Key, "Rules", StringComparison.OrdinalIgnoreCase)).Value is JsonArray rules
                ? rules.OfType<JsonObject>().Select(NameOf).OfType<string>().ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The rules with at least one error.</summary>
    public static IReadOnlySet<string> Offending(IEnumerable<RuleSetError> errors) =>
        errors.Select(e => e.Rule).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static string? NameOf(JsonObject rule) =>
        rule.FirstOrDefault(p => string.Equals(p.Key, "RuleName", StringComparison.OrdinalIgnoreCase)).Value is JsonValue value
        && value.TryGetValue<string>(out var name) ? name : null;

    [GeneratedRegex("\"RuleName\"\\s*:\\s*\"(?<name>(?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex RuleNameProperty();
}
