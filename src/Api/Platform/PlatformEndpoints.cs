using CommunitySaaS.Api.Http;
using CommunitySaaS.Api.Security;
using CommunitySaaS.Core.Common;
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
            .RequireAuthorization(ApiPolicies.Platform).RequireRateLimiting(SecuritySetup.PerKeyRateLimit)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests);
        group.MapPost("/", Create).WithSummary("Create a brand and its first secret key").WithSecretResponse().ProducesValidationProblem();
        group.MapGet("/", List).WithSummary("List brands").ProducesValidationProblem();
        group.MapPost("/{slug}/suspend", Suspend).WithSummary("Suspend a brand: its API answers 403 and its jobs stop");
        group.MapPost("/{slug}/activate", Activate).WithSummary("Reactivate a suspended brand");
        return app;
    }

    private static async Task<Results<Created<CreatedTenant>, ConflictProblem>> Create(CreateTenant body, TenantService tenants, CancellationToken ct) =>
        await tenants.CreateAsync(body, ct) switch
        {
            { Status: ServiceStatus.Created } r => TypedResults.Created($"/api/v1/{body.Slug}/settings", r.Value!),
            var r => r.Conflict(),
        };

    private static async Task<Ok<Page<TenantView>>> List([AsParameters] PageParameters query, TenantService tenants, CancellationToken ct)
    {
        var page = query.ToPageRequest();
        return TypedResults.Ok(await tenants.ListAsync(page.Limit, page.After, ct));
    }

    private static Task<Results<Ok<TenantView>, NotFoundProblem>> Suspend(string slug, TenantService tenants, CancellationToken ct) =>
        SetStatus(slug, TenantStatus.Suspended, tenants, ct);

    private static Task<Results<Ok<TenantView>, NotFoundProblem>> Activate(string slug, TenantService tenants, CancellationToken ct) =>
        SetStatus(slug, TenantStatus.Active, tenants, ct);

    private static async Task<Results<Ok<TenantView>, NotFoundProblem>> SetStatus(string slug, TenantStatus status, TenantService tenants, CancellationToken ct) =>
        await tenants.SetStatusAsync(slug, status, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };
}
