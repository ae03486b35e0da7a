using CommunitySaaS.Api.Http;
using CommunitySaaS.Api.Security;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Platform;

/// <summary>The platform operator's bootstrap: create brands (each gets its first secret key) and suspend or reactivate them.</summary>
public static class PlatformEndpoints
{
    public static IEndpointRouteBuilder MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/platform/tenants").WithTags("Platform")
            .RequireAuthorization(ApiPolicies.Platform).RequireRateLimiting(SecuritySetup.PerKeyRateLimit);
        group.MapPost("/", Create).WithSummary("Create a brand and its first secret key").WithSecretResponse();
        group.MapGet("/", List).WithSummary("List brands");
        group.MapPost("/{slug}/suspend", Suspend).WithSummary("Suspend a brand: its API answers 403 and its jobs stop");
        group.MapPost("/{slug}/activate", Activate).WithSummary("Reactivate a suspended brand");
        return app;
    }

    private static async Task<Results<Ok<CreatedTenant>, Created<CreatedTenant>, ProblemHttpResult, ValidationProblem>> Create(
        CreateTenant body, TenantService tenants, CancellationToken ct) =>
        (await tenants.CreateAsync(body, ct)).ToHttp($"/api/v1/{body.Slug}/settings");

    private static async Task<IResult> List(TenantService tenants, CancellationToken ct, int? limit = null, string? after = null)
    {
        if (!ListQuery.TryLimit(limit, out var size, out var problem)) return problem!;
        return TypedResults.Ok(await tenants.ListAsync(size, after, ct));
    }

    private static async Task<Results<Ok<TenantView>, Created<TenantView>, ProblemHttpResult, ValidationProblem>> Suspend(
        string slug, TenantService tenants, CancellationToken ct) =>
        (await tenants.SetStatusAsync(slug, TenantStatus.Suspended, ct)).ToHttp();

    private static async Task<Results<Ok<TenantView>, Created<TenantView>, ProblemHttpResult, ValidationProblem>> Activate(
        string slug, TenantService tenants, CancellationToken ct) =>
        (await tenants.SetStatusAsync(slug, TenantStatus.Active, ct)).ToHttp();
}
