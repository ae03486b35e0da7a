using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunitySaaS.Core.Common;

/// <summary>
/// How a resource is written as JSON, the one place the REST API and webhook bodies take it from, so a storefront reads
/// both with one model: camelCase names and enums as camelCase strings.
/// </summary>
public static class ResourceJson
{
    public static void Apply(JsonSerializerOptions options) =>
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }
}
