using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CommunitySaaS.Api.Tests.Infrastructure;

public static class HttpAssertions
{
    public static async Task<JsonNode> ShouldHaveStatus(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    /// <summary>An RFC 9457 problem with the expected status, and (when given) an error naming the field.</summary>
    public static async Task<JsonNode> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode expected, string? field = null)
    {
        var problem = await response.ShouldHaveStatus(expected);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        problem["status"]!.GetValue<int>().ShouldBe((int)expected);
        problem["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        if (field is not null)
        {
            var errors = problem["errors"]!.AsObject();
            errors.Select(e => e.Key).ShouldContain(field, $"errors were: {errors.ToJsonString()}");
        }
        return problem;
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }
}
