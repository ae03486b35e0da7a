using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Members;

public static class MemberEndpoints
{
    public static IEndpointRouteBuilder MapMemberEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapTenantGroup("members", "Members");
        group.MapPut("/{externalId}", Upsert).WithSummary("Create or update a member by the storefront's id").ProducesValidationProblem();
        group.MapGet("/{externalId}", Get).WithSummary("Get a member").ProducesValidationProblem();
        group.MapGet("/", List).WithSummary("List members, newest first; search by name, email, phone or id").ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<Created<MemberView>, Ok<MemberView>>> Upsert(
        [ExternalId] string externalId, UpsertMember body, MemberService members, HttpContext http, CancellationToken ct) =>
        await members.UpsertAsync(externalId, body, ct) switch
        {
            { Status: ServiceStatus.Created } r => TypedResults.Created(http.Request.Path, r.Value!),
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => throw r.Unexpected(),
        };

    private static async Task<Results<Ok<MemberView>, NotFoundProblem>> Get([ExternalId] string externalId, MemberService members, CancellationToken ct) =>
        await members.GetAsync(externalId, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };

    private static async Task<Ok<Page<MemberView>>> List([AsParameters] MemberListParameters query, MemberService members, CancellationToken ct)
    {
        var page = query.ToPageRequest();
        return TypedResults.Ok(await members.ListAsync(new MemberQuery(query.Q, page.Limit, page.After), ct));
    }
}
