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
        storefront.MapGet("/", List).WithSummary("List communities (publishable keys may read)");
        storefront.MapGet("/{communityId}", Get).WithSummary("Get a community (publishable keys may read)");
        var group = app.MapTenantGroup("communities", "Communities");
        group.MapPost("/", Create).WithSummary("Create an online group or an offline store");
        group.MapPut("/{communityId}", Update).WithSummary("Edit a community: name, kind, leader, address");
        group.MapGet("/{communityId}/members", Members).WithSummary("List a community's current members");
        group.MapPost("/{communityId}/members", Join).WithSummary("Add a member to a community");
        group.MapDelete("/{communityId}/members/{externalId}", Leave).WithSummary("Remove a member from a community");
        return app;
    }

    private static async Task<Results<Ok<CommunityView>, Created<CommunityView>, ProblemHttpResult, ValidationProblem>> Create(
        SaveCommunity body, CommunityService communities, HttpContext http, CancellationToken ct)
    {
        var result = await communities.CreateAsync(body, ct);
        return result.ToHttp(result.Value is null ? null : $"{http.Request.Path.Value?.TrimEnd('/')}/{result.Value.Id}");
    }

    private static async Task<IResult> List(CommunityService communities, CancellationToken ct, string? q = null, string? kind = null, int? limit = null, string? after = null)
    {
        if (!ListQuery.TryLimit(limit, out var size, out var problem)) return problem!;
        if (!ListQuery.TryEnum<CommunityKind>(kind, "kind", out var parsedKind, out problem)) return problem!;
        if (q is { Length: > 200 }) return ListQuery.Invalid("q", "q has at most 200 characters.");
        return TypedResults.Ok(await communities.ListAsync(new CommunityQuery(q, parsedKind, size, after), ct));
    }

    private static async Task<Results<Ok<CommunityView>, Created<CommunityView>, ProblemHttpResult, ValidationProblem>> Get(
        string communityId, CommunityService communities, CancellationToken ct) =>
        (await communities.GetAsync(communityId, ct)).ToHttp();

    private static async Task<Results<Ok<CommunityView>, Created<CommunityView>, ProblemHttpResult, ValidationProblem>> Update(
        string communityId, SaveCommunity body, CommunityService communities, CancellationToken ct) =>
        (await communities.UpdateAsync(communityId, body, ct)).ToHttp();

    private static async Task<IResult> Members(string communityId, CommunityService communities, CancellationToken ct, int? limit = null, string? after = null)
    {
        if (!ListQuery.TryLimit(limit, out var size, out var problem)) return problem!;
        return (await communities.MembersAsync(communityId, size, after, ct)).ToHttp();
    }

    private static async Task<Results<Ok<CommunityMemberView>, Created<CommunityMemberView>, ProblemHttpResult, ValidationProblem>> Join(
        string communityId, JoinCommunity body, CommunityService communities, CancellationToken ct) =>
        (await communities.JoinAsync(communityId, body, ct)).ToHttp();

    private static async Task<Results<Ok<CommunityMemberView>, Created<CommunityMemberView>, ProblemHttpResult, ValidationProblem>> Leave(
        string communityId, [ExternalId] string externalId, CommunityService communities, CancellationToken ct) =>
        (await communities.LeaveAsync(communityId, externalId, ct)).ToHttp();
}
