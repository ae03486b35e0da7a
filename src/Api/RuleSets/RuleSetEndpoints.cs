using CommunitySaaS.Api.Http;
using CommunitySaaS.Api.Security;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Api.RuleSets;

/// <summary><c>/api/v1/{tenant}/rulesets/{kind}</c>: versions of the points, tiers and commission rule sets, from draft to active.</summary>
public static class RuleSetEndpoints
{
    public static IEndpointRouteBuilder MapRuleSetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapTenantGroup("rulesets/{kind}", "Rule sets");
        group.MapGet("/", List).WithSummary("List the versions of a kind (points, tiers, commission), newest first");
        group.MapGet("/active", GetActive).WithSummary("The active version");
        group.MapGet("/{version:int}", Get).WithSummary("One version with its workflow");
        group.MapPost("/", CreateDraft).WithSummary("Save a workflow as a new draft version; an invalid one is refused with each error's rule, expression and path");
        group.MapPost("/validate", Validate).WithSummary("Check a workflow without saving it");
        group.MapPost("/simulate", Simulate).WithSummary("Run a draft and the active version on given inputs or the last N orders, with the difference per case");
        group.MapPost("/{version:int}/publish", Publish).WithSummary("Make a draft the active version; the previous active one is archived");
        group.MapPost("/{version:int}/rollback", Rollback).WithSummary("Bring back an earlier published version as a new active version");
        return app;
    }

    private static async Task<IResult> List(string kind, RuleSetService ruleSets, CancellationToken ct, int? limit = null, string? after = null)
    {
        if (!TryKind(kind, out var parsed, out var problem)) return problem!;
        if (!ListQuery.TryLimit(limit, out var size, out problem)) return problem!;
        int? afterVersion = null;
        if (after is not null)
        {
            if (!int.TryParse(after, out var v) || v < 1) return ListQuery.Invalid("after", "after is a version number from nextCursor.");
            afterVersion = v;
        }
        return TypedResults.Ok(await ruleSets.ListAsync(parsed, new RuleSetVersionQuery(size, afterVersion), ct));
    }

    private static async Task<IResult> GetActive(string kind, RuleSetService ruleSets, CancellationToken ct) =>
        TryKind(kind, out var parsed, out var problem) ? (await ruleSets.GetActiveAsync(parsed, ct)).ToHttp() : problem!;

    private static async Task<IResult> Get(string kind, int version, RuleSetService ruleSets, CancellationToken ct) =>
        TryKind(kind, out var parsed, out var problem) ? (await ruleSets.GetAsync(parsed, version, ct)).ToHttp() : problem!;

    private static async Task<IResult> CreateDraft(string kind, CreateRuleSetDraft body, RuleSetService ruleSets, HttpContext http, CancellationToken ct)
    {
        if (!TryKind(kind, out var parsed, out var problem)) return problem!;
        var result = await ruleSets.CreateDraftAsync(parsed, WorkflowText.Of(body.Workflow), body.Note, Actors.Of(http), ct: ct);
        return result.ToHttp(result.Value is { } created ? $"{http.Request.Path.Value?.TrimEnd('/')}/{created.Version}" : null);
    }

    private static async Task<IResult> Validate(string kind, ValidateRuleSet body, RuleSetService ruleSets, CancellationToken ct) =>
        TryKind(kind, out var parsed, out var problem) ? (await ruleSets.ValidateAsync(parsed, WorkflowText.Of(body.Workflow), ct)).ToHttp() : problem!;

    private static async Task<IResult> Simulate(string kind, SimulateRuleSet body, RuleSetSimulationService simulation, CancellationToken ct) =>
        TryKind(kind, out var parsed, out var problem) ? (await simulation.SimulateAsync(parsed, body, ct)).ToHttp() : problem!;

    private static async Task<IResult> Publish(string kind, int version, ChangeRuleSetStatus body, RuleSetPublisher publisher, HttpContext http, CancellationToken ct) =>
        TryKind(kind, out var parsed, out var problem) ? (await publisher.PublishAsync(parsed, version, body.Note, Actors.Of(http), ct)).ToHttp() : problem!;

    private static async Task<IResult> Rollback(string kind, int version, ChangeRuleSetStatus body, RuleSetPublisher publisher, HttpContext http, CancellationToken ct) =>
        TryKind(kind, out var parsed, out var problem) ? (await publisher.RollbackAsync(parsed, version, body.Note, Actors.Of(http), ct)).ToHttp() : problem!;

    private static bool TryKind(string text, out RuleSetKind kind, out IResult? problem)
    {
        problem = RuleSetKinds.TryParse(text, out kind)
            ? null
            : TypedResults.Problem(title: "Not found", statusCode: StatusCodes.Status404NotFound,
                detail: $"There is no rule set kind '{text}'; the kinds are {RuleSetKinds.Allowed}.");
        return problem is null;
    }
}
