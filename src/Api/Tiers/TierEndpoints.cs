using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tiers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Tiers;

public static class TierEndpoints
{
    public static IEndpointRouteBuilder MapTierEndpoints(this IEndpointRouteBuilder app)
    {
        var tiers = app.MapTenantGroup("tiers", "Tiers");
        tiers.MapGet("/", List).WithSummary("List the brand's tiers, highest rank first, with how many members hold each");
        tiers.MapGet("/{code}", Get).WithSummary("Get a tier");
        tiers.MapPost("/", Create).WithSummary("Create a tier: code, name, rank and benefits").ProducesValidationProblem();
        tiers.MapPut("/{code}", Update).WithSummary("Edit a tier's name, rank and benefits").ProducesValidationProblem();
        tiers.MapDelete("/{code}", Delete).WithSummary("Delete a tier no member holds");
        var policy = app.MapTenantGroup("tier-policy", "Tiers");
        policy.MapGet("/", GetPolicy).WithSummary("The brand's tier policy: re-evaluation period and grace days");
        policy.MapPut("/", UpdatePolicy).WithSummary("Change the brand's tier policy").ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<Page<TierView>>> List(TierDefinitionService tiers, CancellationToken ct) =>
        TypedResults.Ok(new Page<TierView>(await tiers.ListAsync(ct), false, null));

    private static async Task<Results<Ok<TierView>, NotFoundProblem>> Get(string code, TierDefinitionService tiers, CancellationToken ct) =>
        await tiers.GetAsync(code, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };

    private static async Task<Results<Created<TierView>, ConflictProblem, ValidationProblem>> Create(
        CreateTier body, TierDefinitionService tiers, HttpContext http, CancellationToken ct) =>
        await tiers.CreateAsync(body, ct) switch
        {
            { Status: ServiceStatus.Created } r => TypedResults.Created(http.Request.Below(r.Value!.Code), r.Value),
            { Status: ServiceStatus.Conflict } r => r.Conflict(),
            var r => r.Invalid(),
        };

    private static async Task<Results<Ok<TierView>, NotFoundProblem, ConflictProblem>> Update(
        string code, UpdateTier body, TierDefinitionService tiers, CancellationToken ct) =>
        await tiers.UpdateAsync(code, body, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            { Status: ServiceStatus.NotFound } r => r.NotFound(),
            var r => r.Conflict(),
        };

    private static async Task<Results<Ok<TierView>, NotFoundProblem, ConflictProblem>> Delete(string code, TierDefinitionService tiers, CancellationToken ct) =>
        await tiers.DeleteAsync(code, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            { Status: ServiceStatus.NotFound } r => r.NotFound(),
            var r => r.Conflict(),
        };

    private static async Task<Ok<TierPolicyView>> GetPolicy(TierDefinitionService tiers, CancellationToken ct) => TypedResults.Ok(await tiers.GetPolicyAsync(ct));

    private static async Task<Ok<TierPolicyView>> UpdatePolicy(UpdateTierPolicy body, TierDefinitionService tiers, CancellationToken ct) =>
        TypedResults.Ok(await tiers.UpdatePolicyAsync(body, ct));
}
