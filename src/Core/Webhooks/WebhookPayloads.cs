using System.Text.Json;
using System.Text.Json.Nodes;
using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>The body every delivery carries: <c>{ id, type, createdAt, data }</c>, written as the REST API writes.</summary>
public static class WebhookPayloads
{
    public static readonly JsonSerializerOptions Json = ResourceJson.Create();

    public static string Body(string id, string type, DateTimeOffset createdAt, object data) =>
        new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["createdAt"] = createdAt,
            ["data"] = JsonSerializer.SerializeToNode(data, data.GetType(), Json),
        }.ToJsonString(Json);
}
