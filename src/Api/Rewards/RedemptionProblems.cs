using System.Reflection;
using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Rewards;
using Microsoft.AspNetCore.Http.Metadata;

namespace CommunitySaaS.Api.Rewards;

/// <summary>
/// A refused redemption: 409, told apart by <c>type</c>, because a storefront acts differently on each (show the
/// points missing, hide a sold-out reward, say when it opens).
/// </summary>
public sealed class RedemptionProblem(RedemptionRefusal refusal, string? detail) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status409Conflict;

    public RedemptionRefusal Refusal { get; } = refusal;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Problem(title: Titles[Refusal], detail: detail, statusCode: StatusCodes.Status409Conflict, type: TypeOf(Refusal)).ExecuteAsync(httpContext);

    public static string TypeOf(RedemptionRefusal refusal) => refusal switch
    {
        RedemptionRefusal.InsufficientPoints => "urn:communitysaas:problem:insufficient-points",
        RedemptionRefusal.BalanceNegative => "urn:communitysaas:problem:points-balance-negative",
        RedemptionRefusal.OutOfStock => "urn:communitysaas:problem:reward-out-of-stock",
        RedemptionRefusal.LimitReached => "urn:communitysaas:problem:reward-limit-reached",
        RedemptionRefusal.NotValidYet => "urn:communitysaas:problem:reward-not-valid-yet",
        RedemptionRefusal.Expired => "urn:communitysaas:problem:reward-expired",
        RedemptionRefusal.TierNotAllowed => "urn:communitysaas:problem:reward-tier-not-allowed",
        _ => "urn:communitysaas:problem:reward-disabled",
    };

    private static readonly Dictionary<RedemptionRefusal, string> Titles = new()
    {
        [RedemptionRefusal.InsufficientPoints] = "Not enough points",
        [RedemptionRefusal.BalanceNegative] = "Points balance is negative",
        [RedemptionRefusal.OutOfStock] = "Out of stock",
        [RedemptionRefusal.LimitReached] = "Per-member limit reached",
        [RedemptionRefusal.NotValidYet] = "Reward not valid yet",
        [RedemptionRefusal.Expired] = "Reward expired",
        [RedemptionRefusal.TierNotAllowed] = "Tier not allowed",
        [RedemptionRefusal.RewardDisabled] = "Reward disabled",
    };

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(ProblemResults.Documented(StatusCodes.Status409Conflict));
}
