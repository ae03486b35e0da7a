using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Webhooks;

namespace CommunitySaaS.Api.Tests.Webhooks;

public sealed class WebhookReadmeTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public void ReadmeCSharpSnippet_IsTheVerifierTheTestsUse()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CommunitySaaS.sln"))) root = Path.GetDirectoryName(root)!;
        var source = File.ReadAllText(Path.Combine(root, "tests/CommunitySaaS.Api.Tests/Webhooks/StorefrontVerifier.cs"));
        var code = source.Split("// readme:begin\n")[1].Split("// readme:end")[0].Trim();
        File.ReadAllText(Path.Combine(root, "README.md")).ShouldContain($"```csharp\n{code}\n```");
    }

    [Fact]
    public async Task OpenApiDocument_HasEveryCatalogueEventAsAWebhook_WithSchemaAndExample()
    {
        var document = await ApiSurface.DocumentAsync(host);
        var webhooks = document["webhooks"]!.AsObject();
        webhooks.Select(w => w.Key).ShouldBe(WebhookCatalogue.All.Select(e => e.Name), ignoreOrder: true);
        foreach (var (name, item) in webhooks)
        {
            var content = item!["post"]!["requestBody"]!["content"]!["application/json"]!;
            var properties = content["schema"]!["properties"]!.AsObject();
            properties.Select(p => p.Key).ShouldBe(["id", "type", "createdAt", "data"], ignoreOrder: true);
            properties["data"].ShouldNotBeNull(name);
            var example = content["example"]!;
            example["type"]!.GetValue<string>().ShouldBe(name);
            var fields = Resolve(document, properties["data"]!)["properties"]!.AsObject().Select(p => p.Key);
            example["data"]!.AsObject().Select(p => p.Key).ShouldBe(fields, ignoreOrder: true, name);
        }
    }

    /// <summary>The document says what the deliveries do: each type's data is the very schema a REST read answers with.</summary>
    [Theory]
    [InlineData("order.paid", "/api/v1/{tenant}/orders/{orderId}", false)]
    [InlineData("order.refunded", "/api/v1/{tenant}/orders/{orderId}", false)]
    [InlineData("member.created", "/api/v1/{tenant}/members/{externalId}", false)]
    [InlineData("tier.changed", "/api/v1/{tenant}/members/{externalId}/tier-history", true)]
    [InlineData("redemption.canceled", "/api/v1/{tenant}/members/{externalId}/redemptions", true)]
    [InlineData("membership.canceled", "/api/v1/{tenant}/memberships", true)]
    public async Task OpenApiDocument_WebhookData_IsTheRestResourceSchema(string type, string path, bool listed)
    {
        var document = await ApiSurface.DocumentAsync(host);
        var data = document["webhooks"]![type]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["properties"]!["data"]!;
        var answer = document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        var resource = listed ? Resolve(document, answer)["properties"]!["data"]!["items"]! : answer;
        data["$ref"]!.GetValue<string>().ShouldBe(resource["$ref"]!.GetValue<string>());
    }

    private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"] is { } reference ? document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]! : schema;
}
