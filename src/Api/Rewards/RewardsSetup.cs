using CommunitySaaS.Core.Rewards;

namespace CommunitySaaS.Api.Rewards;

public static class RewardsSetup
{
    public static WebApplicationBuilder AddRewards(this WebApplicationBuilder builder)
    {
        builder.Services.AddRewardsFeature();
        return builder;
    }
}
