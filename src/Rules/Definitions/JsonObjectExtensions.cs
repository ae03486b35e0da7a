using System.Text.Json;

namespace CommunitySaaS.Rules.Definitions;

/// <summary>Case-insensitive property lookup, because RulesEngine reads workflow JSON case-insensitively too.</summary>
internal static class JsonObjectExtensions
{
    public static bool TryGet(this JsonElement element, string name, out JsonElement value, out string path, string parentPath)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                path = $"{parentPath}.{property.Name}";
                return true;
            }
        }

        value = default;
        path = $"{parentPath}.{name}";
        return false;
    }

    public static string Describe(this JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "null",
    };
}
