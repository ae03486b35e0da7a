using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>The body every delivery carries: <c>{ id, type, createdAt, data }</c>, camelCase like the REST API.</summary>
public static class WebhookPayloads
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Body(string id, string type, DateTimeOffset createdAt, object data) =>
        new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["createdAt"] = createdAt,
            ["data"] = JsonSerializer.SerializeToNode(data, data.GetType(), Json),
        }.ToJsonString(Json);
}
