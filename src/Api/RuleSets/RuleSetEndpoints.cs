using System.Globalization;
using CommunitySaaS.Api.Http;
using CommunitySaaS.Api.Security;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

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

    private static async Task<Results<Ok<Page<RuleSetVersionSummary>>, NotFoundProblem, ValidationProblem>> List(
        string kind, [AsParameters] PageParameters query, RuleSetService ruleSets, CancellationToken ct)
    {
        if (!TryKind(kind, out var parsed, out var unknown)) return unknown;
        var page = query.ToPageRequest();
        int? afterVersion = null;
        if (page.After is not null)
        {
            if (!int.TryParse(Cursor.Decode(page.After), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["after"] = [$"after must be {Cursor.Expected} of this list."] }, title: "Invalid request");
            }
            afterVersion = version;
        }
        return TypedResults.Ok(await ruleSets.ListAsync(parsed, new RuleSetVersionQuery(page.Limit, afterVersion), ct));
    }

    private static async Task<Results<Ok<RuleSetVersionView>, NotFoundProblem, ConflictProblem, ValidationProblem>> GetActive(
        string kind, RuleSetService ruleSets, CancellationToken ct) =>
        TryKind(kind, out var parsed, out var unknown) ? (await ruleSets.GetActiveAsync(parsed, ct)).ToOk() : unknown;

    private static async Task<Results<Ok<RuleSetVersionView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Get(
        string kind, int version, RuleSetService ruleSets, CancellationToken ct) =>
        TryKind(kind, out var parsed, out var unknown) ? (await ruleSets.GetAsync(parsed, version, ct)).ToOk() : unknown;

    private static async Task<Results<Created<RuleSetVersionView>, Ok<RuleSetVersionView>, NotFoundProblem, ConflictProblem, ValidationProblem>> CreateDraft(
        string kind, CreateRuleSetDraft body, RuleSetService ruleSets, HttpContext http, CancellationToken ct)
    {
        if (!TryKind(kind, out var parsed, out var unknown)) return unknown;
        var result = await ruleSets.CreateDraftAsync(parsed, WorkflowText.Of(body.Workflow), body.Note, Actors.Of(http), ct: ct);
        return result.ToHttp(result.Value is { } created ? http.Request.Below(created.Version.ToString(CultureInfo.InvariantCulture)) : null);
    }

    private static async Task<Results<Ok<RuleSetValidationView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Validate(
        string kind, ValidateRuleSet body, RuleSetService ruleSets, CancellationToken ct) =>
        TryKind(kind, out var parsed, out var unknown) ? (await ruleSets.ValidateAsync(parsed, WorkflowText.Of(body.Workflow), ct)).ToOk() : unknown;

    private static async Task<Results<Ok<SimulationReport>, NotFoundProblem, ConflictProblem, ValidationProblem>> Simulate(
        string kind, SimulateRuleSet body, RuleSetSimulationService simulation, CancellationToken ct) =>
        TryKind(kind, out var parsed, out var unknown) ? (await simulation.SimulateAsync(parsed, body, ct)).ToOk() : unknown;

    private static async Task<Results<Ok<RuleSetVersionView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Publish(
        string kind, int version, ChangeRuleSetStatus body, RuleSetPublisher publisher, HttpContext http, CancellationToken ct) =>
        TryKind(kind, out var parsed, out var unknown) ? (await publisher.PublishAsync(parsed, version, body.Note, Actors.Of(http), ct)).ToOk() : unknown;

    private static async Task<Results<Ok<RuleSetVersionView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Rollback(
        string kind, int version, ChangeRuleSetStatus body, RuleSetPublisher publisher, HttpContext http, CancellationToken ct) =>
        TryKind(kind, out var parsed, out var unknown) ? (await publisher.RollbackAsync(parsed, version, body.Note, Actors.Of(http), ct)).ToOk() : unknown;

    private static bool TryKind(string text, out RuleSetKind kind, out NotFoundProblem unknown)
    {
        unknown = new NotFoundProblem($"There is no rule set kind '{text}'; the kinds are {RuleSetKinds.Allowed}.");
        return RuleSetKinds.TryParse(text, out kind);
    }
}
