using CommunitySaaS.Core.Nightly;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Rewards;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tiers;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Infrastructure;

/// <summary>Loyalty test data through the same Core services the API uses.</summary>
public sealed class LoyaltySeed(IServiceProvider services)
{
    public async Task AdjustAsync(TenantInfo tenant, string member, long points, string reason)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var result = await scope.ServiceProvider.GetRequiredService<PointsAdjustments>()
            .AdjustAsync(member, new AdjustPoints(points, reason), Guid.NewGuid().ToString("N"), "ak_test");
        result.Succeeded.ShouldBeTrue(result.Message);
    }

    /// <summary>Runs the brand's loyalty night now, as the nightly job does.</summary>
    public async Task<NightOutcome> NightAsync(TenantInfo tenant)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<LoyaltyNight>()
            .RunAsync(tenant, services.GetRequiredService<TimeProvider>().GetUtcNow(), "jrn_test", CancellationToken.None);
    }

    public async Task<TierView> TierAsync(TenantInfo tenant, string code, string name, int rank)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        return (await scope.ServiceProvider.GetRequiredService<TierDefinitionService>()
            .CreateAsync(new CreateTier(code, name, rank, new TierBenefits(1.5m, 5m, true, "Lounge access")))).Value!;
    }

    public async Task<RewardView> RewardAsync(TenantInfo tenant, string code, long cost, RewardKind kind = RewardKind.Product, long? stock = 10)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        return (await scope.ServiceProvider.GetRequiredService<RewardService>()
            .CreateAsync(new SaveReward(code, $"Reward {code}", kind, cost, Stock: kind == RewardKind.Coupon ? null : stock))).Value!;
    }
}
