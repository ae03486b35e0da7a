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
        group.MapPut("/{externalId}", Upsert).WithSummary("Create or update a member by the storefront's id");
        group.MapGet("/{externalId}", Get).WithSummary("Get a member");
        group.MapGet("/", List).WithSummary("List members, newest first; search by name, email, phone or id");
        return app;
    }

    private static async Task<Results<Ok<MemberView>, Created<MemberView>, ProblemHttpResult, ValidationProblem>> Upsert(
        [ExternalId] string externalId, UpsertMember body, MemberService members, HttpContext http, CancellationToken ct) =>
        (await members.UpsertAsync(externalId, body, ct)).ToHttp(http.Request.Path);

    private static async Task<Results<Ok<MemberView>, Created<MemberView>, ProblemHttpResult, ValidationProblem>> Get(
        [ExternalId] string externalId, MemberService members, CancellationToken ct) =>
        (await members.GetAsync(externalId, ct)).ToHttp();

    private static async Task<IResult> List(MemberService members, CancellationToken ct, string? q = null, int? limit = null, string? after = null)
    {
        if (!ListQuery.TryLimit(limit, out var size, out var problem)) return problem!;
        if (q is { Length: > 200 }) return ListQuery.Invalid("q", "q has at most 200 characters.");
        return TypedResults.Ok(await members.ListAsync(new MemberQuery(q, size, after), ct));
    }
}
