using CommunitySaaS.Api.Http;
using CommunitySaaS.Api.Security;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Communities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Communities;

public static class CommunityEndpoints
{
    public static IEndpointRouteBuilder MapCommunityEndpoints(this IEndpointRouteBuilder app)
    {
        var storefront = app.MapTenantGroup("communities", "Communities", ApiPolicies.AnyKey);
        storefront.MapGet("/", List).WithSummary("List communities (publishable keys may read)").ProducesValidationProblem();
        storefront.MapGet("/{communityId}", Get).WithSummary("Get a community (publishable keys may read)");
        var group = app.MapTenantGroup("communities", "Communities");
        group.MapPost("/", Create).WithSummary("Create an online group or an offline store");
        group.MapPut("/{communityId}", Update).WithSummary("Edit a community: name, kind, leader, address");
        group.MapGet("/{communityId}/members", Members).WithSummary("List a community's current members").ProducesValidationProblem();
        group.MapPost("/{communityId}/members", Join).WithSummary("Add a member to a community");
        group.MapDelete("/{communityId}/members/{externalId}", Leave).WithSummary("Remove a member from a community").ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<Created<CommunityView>, ValidationProblem>> Create(
        SaveCommunity body, CommunityService communities, HttpContext http, CancellationToken ct) =>
        await communities.CreateAsync(body, ct) switch
        {
            { Status: ServiceStatus.Created } r => TypedResults.Created(http.Request.Below(r.Value!.Id), r.Value),
            var r => r.Invalid(),
        };

    private static async Task<Ok<Page<CommunityView>>> List([AsParameters] CommunityListParameters query, CommunityService communities, CancellationToken ct)
    {
        var page = query.ToPageRequest();
        var kind = OneOfAttribute.Parse<CommunityKind>(query.Kind);
        return TypedResults.Ok(await communities.ListAsync(new CommunityQuery(query.Q, kind, page.Limit, page.After), ct));
    }

    private static async Task<Results<Ok<CommunityView>, NotFoundProblem>> Get(string communityId, CommunityService communities, CancellationToken ct) =>
        await communities.GetAsync(communityId, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };

    private static async Task<Results<Ok<CommunityView>, NotFoundProblem, ValidationProblem>> Update(
        string communityId, SaveCommunity body, CommunityService communities, CancellationToken ct) =>
        await communities.UpdateAsync(communityId, body, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            { Status: ServiceStatus.NotFound } r => r.NotFound(),
            var r => r.Invalid(),
        };

    private static async Task<Results<Ok<Page<CommunityMemberView>>, NotFoundProblem>> Members(
        string communityId, [AsParameters] PageParameters query, CommunityService communities, CancellationToken ct)
    {
        var page = query.ToPageRequest();
        return await communities.MembersAsync(communityId, page.Limit, page.After, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };
    }

    /// <summary>200 when the member was already in the community: joining twice is not an error.</summary>
    private static async Task<Results<Created<CommunityMemberView>, Ok<CommunityMemberView>, NotFoundProblem, ValidationProblem>> Join(
        string communityId, JoinCommunity body, CommunityService communities, CancellationToken ct) =>
        await communities.JoinAsync(communityId, body, ct) switch
        {
            { Status: ServiceStatus.Created } r => TypedResults.Created((string?)null, r.Value),
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            { Status: ServiceStatus.NotFound } r => r.NotFound(),
            var r => r.Invalid(),
        };

    private static async Task<Results<Ok<CommunityMemberView>, NotFoundProblem, ConflictProblem>> Leave(
        string communityId, [ExternalId] string externalId, CommunityService communities, CancellationToken ct) =>
        await communities.LeaveAsync(communityId, externalId, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            { Status: ServiceStatus.NotFound } r => r.NotFound(),
            var r => r.Conflict(),
        };
}
