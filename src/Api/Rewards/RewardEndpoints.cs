using System.Text.Json;
using CommunitySaaS.Api.Http;
using CommunitySaaS.Api.Security;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Rewards;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommunitySaaS.Api.Rewards;

public static class RewardEndpoints
{
    public static IEndpointRouteBuilder MapRewardEndpoints(this IEndpointRouteBuilder app)
    {
        var storefront = app.MapTenantGroup("rewards", "Rewards", ApiPolicies.AnyKey);
        storefront.MapGet("/", List).WithSummary("Rewards a member can see now: enabled, valid, open to their tier (publishable keys may read)").ProducesValidationProblem();
        var group = app.MapTenantGroup("rewards", "Rewards");
        group.MapPost("/", Create).WithSummary("Create a reward (a coupon with a code pool, or a product/discount)");
        group.MapGet("/{rewardId}", Get).WithSummary("Get a reward");
        group.MapPut("/{rewardId}", Update).WithSummary("Edit a reward: name, cost, stock, limits, tiers, dates, enabled");
        group.MapPost("/{rewardId}/codes", Upload).Accepts<string[]>("application/json", "text/plain")
            .WithSummary("Upload coupon codes: text/plain one per line, or a JSON array; duplicates and invalid codes are reported");
        group.MapGet("/{rewardId}/codes", Pool).WithSummary("The code pool's counts: total, unused, handed out");

        var redemptions = app.MapTenantGroup("members/{externalId}/redemptions", "Rewards");
        redemptions.MapPost("/", Redeem).WithSummary("Redeem a reward for points (send an Idempotency-Key)");
        redemptions.MapGet("/", Redemptions).WithSummary("A member's redemptions, newest first").ProducesValidationProblem();
        redemptions.MapPost("/{redemptionId}/cancel", Cancel).WithSummary("Cancel a redemption: points and codes go back, once");
        return app;
    }

    private static async Task<Results<Ok<Page<RewardView>>, NotFoundProblem>> List(
        [AsParameters] PageParameters query, [FromQuery(Name = "member"), ExternalId] string? member, RewardService rewards, CancellationToken ct) =>
        await rewards.ListVisibleAsync(member, query.ToPageRequest(), ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };

    private static async Task<Results<Created<RewardView>, Ok<RewardView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Create(
        SaveReward body, RewardService rewards, HttpContext http, CancellationToken ct)
    {
        var result = await rewards.CreateAsync(body, ct);
        return result.ToHttp(result.Value is { } v ? http.Request.Below(v.Id) : null);
    }

    private static async Task<Results<Ok<RewardView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Get(string rewardId, RewardService rewards, CancellationToken ct) =>
        (await rewards.GetAsync(rewardId, ct)).ToOk();

    private static async Task<Results<Ok<RewardView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Update(
        string rewardId, SaveReward body, RewardService rewards, CancellationToken ct) =>
        (await rewards.UpdateAsync(rewardId, body, ct)).ToOk();

    private static async Task<Results<Ok<CodeUploadResult>, NotFoundProblem, ConflictProblem, ValidationProblem>> Upload(
        string rewardId, HttpRequest request, RewardCodePool pool, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        List<string> codes;
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                codes = JsonSerializer.Deserialize<List<string?>>(text)?.Select(c => c ?? "").ToList()
                    ?? throw new JsonException();
            }
            catch (JsonException)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["Send a JSON array of code strings."] }, title: "Invalid request");
            }
        }
        else if (request.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true)
        {
            codes = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        }
        else
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["Send text/plain (one code per line) or application/json (an array of codes)."] }, title: "Invalid request");
        }
        return (await pool.UploadAsync(rewardId, codes, ct)).ToOk();
    }

    private static async Task<Results<Ok<CodePoolStatus>, NotFoundProblem, ConflictProblem, ValidationProblem>> Pool(string rewardId, RewardCodePool pool, CancellationToken ct) =>
        (await pool.StatusAsync(rewardId, ct)).ToOk();

    private static async Task<Results<Created<RedemptionView>, NotFoundProblem, RedemptionProblem>> Redeem(
        [ExternalId] string externalId, RedeemReward body, RedemptionService redemptions, HttpContext http, CancellationToken ct) =>
        await redemptions.RedeemAsync(externalId, body, Actors.Of(http), ct) switch
        {
            { Status: ServiceStatus.Created, View: { } v } => TypedResults.Created(http.Request.Below(v.Id), v),
            { Refusal: { } refusal, Message: var m } => new RedemptionProblem(refusal, m),
            var r => new NotFoundProblem(r.Message),
        };

    private static async Task<Results<Ok<RedemptionView>, NotFoundProblem>> Cancel(
        [ExternalId] string externalId, string redemptionId, RedemptionService redemptions, HttpContext http, CancellationToken ct) =>
        await redemptions.CancelAsync(externalId, redemptionId, Actors.Of(http), ct) switch
        {
            { Status: ServiceStatus.Ok, View: { } v } => TypedResults.Ok(v),
            var r => new NotFoundProblem(r.Message),
        };

    private static async Task<Results<Ok<Page<RedemptionView>>, NotFoundProblem>> Redemptions(
        [ExternalId] string externalId, [AsParameters] PageParameters query, RedemptionService redemptions, CancellationToken ct) =>
        await redemptions.ListAsync(externalId, query.ToPageRequest(), ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };
}
