using CommunitySaaS.Api.Http;
using CommunitySaaS.Api.Idempotency;
using CommunitySaaS.Api.Security;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Api.Points;

public static class PointsEndpoints
{
    public static IEndpointRouteBuilder MapPointsEndpoints(this IEndpointRouteBuilder app)
    {
        var members = app.MapTenantGroup("members", "Loyalty");
        members.MapGet("/{externalId}/loyalty", Summary).WithSummary("The member's points: available, pending, lifetime, expiring soon").ProducesValidationProblem();
        members.MapGet("/{externalId}/points/entries", Entries).WithSummary("The member's points ledger, newest first, each entry with its explanation").ProducesValidationProblem();
        members.MapPost("/{externalId}/points/adjustments", Adjust).WithSummary("Add or take points by hand, with a reason (Idempotency-Key required)").ProducesValidationProblem();
        members.MapPost("/{externalId}/activities", Activity).WithSummary("Record a member's activity (sign-in, check-in, review, referral, event, custom.*) for points").ProducesValidationProblem();

        var points = app.MapTenantGroup("points", "Loyalty");
        points.MapGet("/expiring", Expiring).WithSummary("Members whose points expire within N days (default 30), with the points and the first date").ProducesValidationProblem();

        var settings = app.MapTenantGroup("settings/loyalty", "Loyalty");
        settings.MapGet("/", GetPolicy).WithSummary("The brand's points policy: pending delay, expiry, return policy");
        settings.MapPut("/", SavePolicy).WithSummary("Replace the brand's points policy").ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<Ok<LoyaltySummary>, NotFoundProblem>> Summary([ExternalId] string externalId, AppDbContext db, PointsQueries queries, CancellationToken ct) =>
        await MemberIdAsync(db, externalId, ct) is { } id ? TypedResults.Ok(await queries.SummaryAsync(id, ct)) : NoMember(externalId);

    private static async Task<Results<Ok<Page<PointsEntryView>>, NotFoundProblem>> Entries(
        [ExternalId] string externalId, [AsParameters] PageParameters page, AppDbContext db, PointsQueries queries, CancellationToken ct) =>
        await MemberIdAsync(db, externalId, ct) is { } id ? TypedResults.Ok(await queries.EntriesAsync(id, page.ToPageRequest(), ct)) : NoMember(externalId);

    private static async Task<Results<Created<AdjustmentView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Adjust(
        [ExternalId] string externalId, AdjustPoints body, PointsAdjustments adjustments, HttpContext http, CancellationToken ct)
    {
        var key = http.Request.Headers[IdempotencyMiddleware.Header].ToString();
        if (key.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyMiddleware.Header] = ["An adjustment needs an Idempotency-Key header, so a retry never adjusts twice."] },
                title: "Invalid request");
        }
        var sourceId = "idem:" + RequestHash.OfText(key);
        return await adjustments.AdjustAsync(externalId, body, sourceId, Actors.Of(http), ct) switch
        {
            { Status: ServiceStatus.Created } r => TypedResults.Created((string?)null, r.Value!),
            { Status: ServiceStatus.NotFound } r => r.NotFound(),
            { Status: ServiceStatus.Conflict } r => r.Conflict(),
            var r => r.Invalid(),
        };
    }

    private static async Task<Results<Created<ActivityView>, Ok<ActivityView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Activity(
        [ExternalId] string externalId, RecordActivity body, PointsActivities activities, HttpContext http, CancellationToken ct) =>
        (await activities.RecordAsync(externalId, body, Actors.Of(http), ct)).ToHttp();

    private static async Task<Ok<Page<ExpiringMember>>> Expiring([AsParameters] ExpiringParameters query, PointsQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ExpiringMembersAsync(query.Days ?? PointsQueries.ExpiringSoonDays, query.ToPageRequest(), ct));

    private static async Task<Ok<LoyaltyPolicyView>> GetPolicy(LoyaltyPolicies policies, CancellationToken ct) =>
        TypedResults.Ok(LoyaltyPolicyView.Of(await policies.GetAsync(ct)));

    private static async Task<Ok<LoyaltyPolicyView>> SavePolicy(SaveLoyaltyPolicy body, LoyaltyPolicies policies, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(LoyaltyPolicyView.Of(await policies.SaveAsync(body, Actors.Of(http), ct)));

    private static Task<string?> MemberIdAsync(AppDbContext db, string externalId, CancellationToken ct) =>
        db.Members.AsNoTracking().Where(m => m.ExternalId == externalId).Select(m => m.Id).FirstOrDefaultAsync(ct);

    private static NotFoundProblem NoMember(string externalId) => new($"No member with id '{externalId}'.");
}
