using CommunitySaaS.Core.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Rewards;

public static class RewardsSetup
{
    /// <summary>The catalog, code pools and redemptions; needs the points feature (the ledger) and a tier reader.</summary>
    public static IServiceCollection AddRewardsFeature(this IServiceCollection services)
    {
        services.AddScoped<RewardService>();
        services.AddScoped<RewardCodePool>();
        services.AddScoped<RedemptionService>();
        services.AddDomainEventType<RedemptionCreated>(RedemptionCreated.TypeName);
        services.AddDomainEventType<RedemptionCanceled>(RedemptionCanceled.TypeName);
        return services.AddDomainEventType<PointsRedeemed>(PointsRedeemed.TypeName);
    }
}
