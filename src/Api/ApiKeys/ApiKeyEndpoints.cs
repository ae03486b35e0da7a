using CommunitySaaS.Api.Http;
using CommunitySaaS.Api.Security;
using CommunitySaaS.Core.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.ApiKeys;

public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapTenantGroup("api-keys", "API keys");
        group.MapPost("/", Create).WithSummary("Create a secret or publishable key; the key is in the response once and never again")
            .WithSecretResponse();
        group.MapGet("/", List).WithSummary("List keys (hints only)");
        group.MapDelete("/{keyId}", Revoke).WithSummary("Revoke a key");
        return app;
    }

    private static async Task<Created<CreatedApiKey>> Create(CreateApiKey body, ApiKeyService keys, HttpContext http, CancellationToken ct)
    {
        var created = await keys.CreateAsync(body, ct);
        return TypedResults.Created($"{http.Request.Path.Value?.TrimEnd('/')}/{created.ApiKey.Id}", created);
    }

    private static async Task<IResult> List(ApiKeyService keys, CancellationToken ct, int? limit = null, string? after = null)
    {
        if (!ListQuery.TryLimit(limit, out var size, out var problem)) return problem!;
        return TypedResults.Ok(await keys.ListAsync(size, after, ct));
    }

    private static async Task<Results<Ok<ApiKeyView>, Created<ApiKeyView>, ProblemHttpResult, ValidationProblem>> Revoke(
        string keyId, ApiKeyService keys, CancellationToken ct) =>
        (await keys.RevokeAsync(keyId, ct)).ToHttp();
}
