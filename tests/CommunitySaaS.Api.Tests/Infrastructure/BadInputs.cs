using System.Text.Json.Nodes;

namespace CommunitySaaS.Api.Tests.Infrastructure;

/// <summary>Ways to spoil a valid request body, each of which must be refused with a 4xx problem.</summary>
public static class BadInputs
{
    public static readonly string[] MalformedBodies = ["{\"a\":", "[]", "\"text\"", "42", "null", "{\"unknownField\":1}", "{\"name\":\"\u0000\"", "\uFEFF{"];

    /// <summary>For each property (nested ones too) of a valid body: a copy with that property spoiled.</summary>
    public static IEnumerable<(string Where, JsonNode Body)> Mutations(JsonNode valid)
    {
        foreach (var (path, value) in Leaves(valid, "$"))
        {
            foreach (var bad in BadValuesFor(path, value))
            {
                var copy = valid.DeepClone();
                Replace(copy, path, bad);
                yield return ($"{path} = {Describe(bad)}", copy);
            }
        }
    }

    private static IEnumerable<JsonNode?> BadValuesFor(string path, JsonNode? value)
    {
        var huge = new string('x', 100_000);
        switch (value)
        {
            case JsonValue v when v.TryGetValue<string>(out _):
                yield return JsonValue.Create(huge);
                yield return JsonValue.Create(12345);
                yield return new JsonObject { ["nested"] = 1 };
                if (path.EndsWith("currency", StringComparison.OrdinalIgnoreCase)) yield return JsonValue.Create("XXQ");
                break;
            case JsonValue v when v.TryGetValue<decimal>(out _):
                yield return JsonValue.Create(-1);
                yield return JsonValue.Create(1e30);
                yield return JsonValue.Create("not a number");
                yield return JsonValue.Create(0.000001m);
                break;
            case JsonArray:
                yield return JsonValue.Create("not a list");
                yield return new JsonArray(Enumerable.Range(0, 600).Select(_ => (JsonNode?)new JsonObject()).ToArray());
                break;
            case JsonObject:
                yield return JsonValue.Create("not an object");
                break;
        }
    }

    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    var childPath = $"{path}.{name}";
                    yield return (childPath, child);
                    if (child is JsonObject or JsonArray)
                    {
                        foreach (var leaf in Leaves(child, childPath)) yield return leaf;
                    }
                }
                break;
            case JsonArray array when array.Count > 0:
                foreach (var leaf in Leaves(array[0], $"{path}[0]")) yield return leaf;
                break;
        }
    }

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        var segments = path[2..].Replace("[0]", ".[0]", StringComparison.Ordinal).Split('.');
        var node = root;
        foreach (var segment in segments[..^1]) node = segment == "[0]" ? node.AsArray()[0]! : node[segment]!;
        var last = segments[^1];
        if (last == "[0]") node.AsArray()[0] = value;
        else node.AsObject()[last] = value;
    }

    private static string Describe(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 40 ? $"{text[..20]}…({text.Length} chars)" : text;
    }
}
