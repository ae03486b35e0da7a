using CommunitySaaS.Api.Http;
using CommunitySaaS.Api.Security;
using CommunitySaaS.Core.ApiKeys;
using CommunitySaaS.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.ApiKeys;

public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapTenantGroup("api-keys", "API keys");
        group.MapPost("/", Create).WithSummary("Create a secret or publishable key; the key is in the response once and never again")
            .WithSecretResponse().ProducesValidationProblem();
        group.MapGet("/", List).WithSummary("List keys (hints only)").ProducesValidationProblem();
        group.MapDelete("/{keyId}", Revoke).WithSummary("Revoke a key");
        return app;
    }

    private static async Task<Created<CreatedApiKey>> Create(CreateApiKey body, ApiKeyService keys, HttpContext http, CancellationToken ct)
    {
        var created = await keys.CreateAsync(body, ct);
        return TypedResults.Created(http.Request.Below(created.ApiKey.Id), created);
    }

    private static async Task<Ok<Page<ApiKeyView>>> List([AsParameters] PageParameters query, ApiKeyService keys, CancellationToken ct)
    {
        var page = query.ToPageRequest();
        return TypedResults.Ok(await keys.ListAsync(page.Limit, page.After, ct));
    }

    private static async Task<Results<Ok<ApiKeyView>, NotFoundProblem>> Revoke(string keyId, ApiKeyService keys, CancellationToken ct) =>
        await keys.RevokeAsync(keyId, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };
}
