using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tiers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Tiers;

public static class MemberTierEndpoints
{
    public static IEndpointRouteBuilder MapMemberTierEndpoints(this IEndpointRouteBuilder app)
    {
        var members = app.MapTenantGroup("members", "Tiers");
        members.MapGet("/{externalId}/tier", Tier).WithSummary("A member's tier: held tier, since, source, benefits and what the next tier needs").ProducesValidationProblem();
        members.MapGet("/{externalId}/tier-history", History).WithSummary("A member's tier changes, newest first, each with its reason and rule version").ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<Ok<MemberTierBlock>, NotFoundProblem>> Tier([ExternalId] string externalId, MemberTierQueries queries, CancellationToken ct) =>
        await queries.BlockByExternalIdAsync(externalId, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };

    private static async Task<Results<Ok<Page<TierChangeView>>, NotFoundProblem>> History(
        [ExternalId] string externalId, [AsParameters] PageParameters query, MemberTierQueries queries, CancellationToken ct) =>
        await queries.HistoryAsync(externalId, query.ToPageRequest(), ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };
}
