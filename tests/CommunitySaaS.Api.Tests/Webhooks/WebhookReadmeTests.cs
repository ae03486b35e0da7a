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
            example["data"].ShouldBeOfType<JsonObject>(name);
        }
    }
}
