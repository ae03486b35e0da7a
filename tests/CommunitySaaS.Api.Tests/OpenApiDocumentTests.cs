using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;

namespace CommunitySaaS.Api.Tests;

/// <summary>
/// The published document tells the truth a client generator needs: every operation's success answer has a schema,
/// every failure it documents is problem+json, and lists show their page shape.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task EveryOperation_DocumentsItsSuccessSchema_AndItsFailuresAsProblemJson()
    {
        var document = await ApiSurface.DocumentAsync(host);
        var failures = new List<string>();
        var operations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item!.AsObject().Where(m => m.Key is not ("parameters" or "summary" or "description")))
            {
                operations++;
                var name = $"{method.ToUpperInvariant()} {path}";
                var responses = operation!["responses"]!.AsObject();
                var successes = responses.Where(r => r.Key.StartsWith('2')).ToList();
                if (successes.Count == 0) failures.Add($"{name}: no 2xx answer");
                foreach (var (status, response) in successes)
                {
                    if (response?["content"]?["application/json"]?["schema"] is null) failures.Add($"{name}: {status} has no application/json schema");
                }
                var clientErrors = responses.Where(r => r.Key.StartsWith('4')).ToList();
                if (clientErrors.Count == 0) failures.Add($"{name}: no 4xx answer");
                foreach (var (status, response) in clientErrors)
                {
                    var content = response?["content"]?.AsObject();
                    if (content is null || content.Count == 0 || !content.All(c => c.Key == "application/problem+json"))
                    {
                        failures.Add($"{name}: {status} is not documented as application/problem+json only ({content?.ToJsonString() ?? "no content"})");
                    }
                }
            }
        }
        operations.ShouldBeGreaterThan(25);
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/api/v1/{tenant}/members")]
    [InlineData("/api/v1/{tenant}/orders")]
    [InlineData("/api/v1/{tenant}/communities/{communityId}/members")]
    [InlineData("/api/v1/platform/tenants")]
    public async Task ListOperation_DocumentsThePageShape_AndItsPagingParameters(string path)
    {
        var document = await ApiSurface.DocumentAsync(host);
        var get = document["paths"]![path]!["get"]!;
        var schema = Resolve(document, get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        schema["properties"]!.AsObject().Select(p => p.Key).ShouldBe(["data", "hasMore", "nextCursor"], ignoreOrder: true);
        Resolve(document, schema["properties"]!["data"]!)["type"]!.ToString().ShouldContain("array");
        var parameters = get["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "query").ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!);
        parameters.Keys.ShouldContain("limit");
        parameters.Keys.ShouldContain("after");
        parameters["limit"]["schema"]!["type"]!.ToString().ShouldContain("integer");
    }

    [Fact]
    public async Task WriteOperation_DocumentsItsValidationAndConflictAnswers()
    {
        var document = await ApiSurface.DocumentAsync(host);
        var responses = document["paths"]!["/api/v1/{tenant}/communities/{communityId}/members/{externalId}"]!["delete"]!["responses"]!.AsObject();
        responses.Select(r => r.Key).ShouldBe(["200", "400", "401", "403", "404", "409", "429"], ignoreOrder: true);
    }

    private static JsonNode Resolve(JsonNode document, JsonNode schema)
    {
        while (schema["$ref"] is { } reference)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            schema = document["components"]!["schemas"]![name]!;
        }
        return schema;
    }
}
