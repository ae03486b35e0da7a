using System.Text.Json.Nodes;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests.Infrastructure;

/// <summary>One operation of the published API, read from the OpenAPI document, so the sweeps cover every endpoint that exists.</summary>
public sealed record ApiOperation(string Method, string Path, bool HasBody, JsonNode? Spec = null)
{
    public string Key => $"{Method} {Path}";

    public bool IsWrite => Method is not ("GET" or "HEAD");

    public bool IsTenantScoped => Path.StartsWith("/api/v1/{tenant}", StringComparison.Ordinal);

    /// <summary>The operation's query parameters with their OpenAPI schema.</summary>
    public IReadOnlyList<(string Name, JsonNode? Schema)> QueryParameters =>
        Spec?["parameters"]?.AsArray().Where(p => p?["in"]?.GetValue<string>() == "query")
            .Select(p => (p!["name"]!.GetValue<string>(), p["schema"])).ToList() ?? [];

    public override string ToString() => Key;
}

public static class ApiSurface
{
    public static async Task<JsonNode> DocumentAsync(TestHost host)
    {
        using var client = host.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
    }

    public static async Task<IReadOnlyList<ApiOperation>> ReadAsync(TestHost host)
    {
        var document = await DocumentAsync(host);
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal)) continue;
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description") continue;
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, operation!["requestBody"] is not null, operation.DeepClone()));
            }
        }
        return operations;
    }

    /// <summary>Fills <c>{name}</c> placeholders; every placeholder must be known, so a new endpoint cannot slip past a sweep.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var path = template;
        foreach (var (name, value) in values) path = path.Replace($"{{{name}}}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        if (path.Contains('{', StringComparison.Ordinal)) throw new InvalidOperationException($"The sweep does not know a value for a parameter of {template}.");
        return path;
    }
}
