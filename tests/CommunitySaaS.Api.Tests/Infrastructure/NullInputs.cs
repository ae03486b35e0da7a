using System.Text.Json.Nodes;

namespace CommunitySaaS.Api.Tests.Infrastructure;

/// <summary>Nulls where a body has values: in lists (at any depth) and in place of each field (at any depth).</summary>
public static class NullInputs
{
    /// <summary>Every list in the body, however deep, as <c>[null]</c> and with a null after its first element: always a 4xx.</summary>
    public static IEnumerable<(string Where, JsonNode Body)> NullElements(JsonNode valid)
    {
        foreach (var path in Paths(valid, []).Where(p => At(valid, p) is JsonArray))
        {
            var alone = valid.DeepClone();
            Set(alone, path, new JsonArray((JsonNode?)null));
            yield return ($"{Describe(path)} = [null]", alone);

            var appended = valid.DeepClone();
            ((JsonArray)At(appended, path)!).Add(null);
            yield return ($"{Describe(path)} += null", appended);
        }
    }

    /// <summary>Each field of the body (nested ones and those inside list elements too) set to an explicit <c>null</c>.</summary>
    public static IEnumerable<(string Where, JsonNode Body)> ExplicitNulls(JsonNode valid)
    {
        foreach (var path in Paths(valid, []).Where(p => p[^1] is string))
        {
            var copy = valid.DeepClone();
            Set(copy, path, null);
            yield return ($"{Describe(path)} = null", copy);
        }
    }

    private static IEnumerable<object[]> Paths(JsonNode? node, object[] prefix)
    {
        var children = node switch
        {
            JsonObject obj => obj.Select(p => ((object)p.Key, p.Value)).ToList(),
            JsonArray array => array.Select((child, i) => ((object)i, child)).ToList(),
            _ => [],
        };
        foreach (var (segment, child) in children)
        {
            object[] path = [.. prefix, segment];
            yield return path;
            foreach (var deeper in Paths(child, path)) yield return deeper;
        }
    }

    private static JsonNode? At(JsonNode root, object[] path)
    {
        var node = (JsonNode?)root;
        foreach (var segment in path) node = segment is string name ? node![name] : node![(int)segment];
        return node;
    }

    private static void Set(JsonNode root, object[] path, JsonNode? value)
    {
        var parent = At(root, path[..^1])!;
        if (path[^1] is string name) parent.AsObject()[name] = value;
        else parent.AsArray()[(int)path[^1]] = value;
    }

    private static string Describe(object[] path) =>
        "$" + string.Concat(path.Select(s => s is string name ? $".{name}" : $"[{s}]"));
}
