using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Orders;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Rewards;
using CommunitySaaS.Core.Tiers;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Demo;

/// <summary>
/// The demo brand's loyalty: tiers, rewards (one with a code pool), activities, adjustments and redemptions, all through
/// the real services. Each step is keyed (tier and reward codes, activity ids, adjustment keys), so a restart adds nothing.
/// </summary>
internal static class DemoLoyaltySeeder
{
    public const string Actor = "demo-seed";

    public static async Task SeedAsync(IServiceProvider sp, TimeProvider time, CancellationToken ct)
    {
        var tiers = sp.GetRequiredService<TierDefinitionService>();
        if (!(await tiers.ListAsync(ct)).Any())
        {
            await tiers.CreateAsync(new CreateTier("member", "Member", 1, new TierBenefits(1m, 0m, false, "Birthday gift")), ct);
            await tiers.CreateAsync(new CreateTier("silver", "Silver", 2, new TierBenefits(1.25m, 5m, false, "Early access to new teas")), ct);
            await tiers.CreateAsync(new CreateTier("gold", "Gold", 3, new TierBenefits(1.5m, 10m, true, "Free tasting at every store")), ct);
            await tiers.CreateAsync(new CreateTier("black", "Black", 4, new TierBenefits(2m, 15m, true, "Personal tea sommelier")), ct);
        }

        await SeedRegularsAsync(sp, time, ct);

        var rewards = sp.GetRequiredService<RewardService>();
        var existing = (await rewards.ListAllAsync(new Common.PageRequest(Common.PageRequest.MaxLimit), ct)).Data;
        if (existing.Count == 0)
        {
            await rewards.CreateAsync(new SaveReward("MUG", "Demo Tea mug", RewardKind.Product, 150, "A stoneware mug", Stock: 40, PerMemberLimit: 2), ct);
            await rewards.CreateAsync(new SaveReward("SAMPLER", "Matcha sampler", RewardKind.Product, 60, Stock: 100), ct);
            await rewards.CreateAsync(new SaveReward("GOLD-TIN", "Gold members' oolong tin", RewardKind.Product, 200, Stock: 10, AllowedTiers: ["gold", "black"]), ct);
            var coupon = (await rewards.CreateAsync(new SaveReward("OFF5", "5 USD off your next order", RewardKind.Coupon, 100, PerMemberLimit: 3), ct)).Value!;
            await sp.GetRequiredService<RewardCodePool>().UploadAsync(coupon.Id, Enumerable.Range(1, 25).Select(i => $"DEMO5-{i:0000}").ToList(), ct);
            existing = (await rewards.ListAllAsync(new Common.PageRequest(Common.PageRequest.MaxLimit), ct)).Data;
        }

        var activities = sp.GetRequiredService<PointsActivities>();
        var now = time.GetUtcNow();
        string[] types = ["signin", "checkin", "review", "signin"];
        for (var i = 1; i <= 20; i++)
        {
            var member = $"m{i:000}";
            for (var a = 0; a < types.Length; a++)
            {
                await activities.RecordAsync(member, new RecordActivity($"demo-{member}-{a}", types[a], now.AddDays(-3 * a - i % 5)), Actor, ct);
            }
        }
        await activities.RecordAsync("m002", new RecordActivity("demo-m002-referral", "referral", now.AddDays(-2),
            Properties: new Dictionary<string, string> { ["referredExternalId"] = "m021" }), Actor, ct);

        var adjustments = sp.GetRequiredService<PointsAdjustments>();
        for (var i = 1; i <= 10; i++)
        {
            await adjustments.AdjustAsync($"m{i:000}", new AdjustPoints(100 + 25 * i, "Welcome bonus for the loyalty launch"), $"demo:welcome:{i}", Actor, ct);
        }
        await adjustments.AdjustAsync("m003", new AdjustPoints(-20, "Points given twice by mistake"), "demo:correction:3", Actor, ct);

        // Redemptions are not keyed by the service (the API's Idempotency-Key is), so the seed redeems only for members with none.
        var redemptions = sp.GetRequiredService<RedemptionService>();
        var picks = new[] { ("m001", "MUG"), ("m002", "OFF5"), ("m004", "SAMPLER"), ("m005", "OFF5") };
        foreach (var (member, code) in picks)
        {
            var reward = existing.First(r => r.Code == code);
            var mine = await redemptions.ListAsync(member, new Common.PageRequest(1), ct);
            if (mine.Value is { Data.Count: 0 }) await redemptions.RedeemAsync(member, new RedeemReward(reward.Id), Actor, ct);
        }
    }

    /// <summary>
    /// Three regulars whose spend passes the template tier rules (Silver from 500, Gold from 2,000 in 12 months), so the
    /// demo shows members in tiers; placed after the tiers exist, so each order's handler upgrades them at once.
    /// </summary>
    private static async Task SeedRegularsAsync(IServiceProvider sp, TimeProvider time, CancellationToken ct)
    {
        var orders = sp.GetRequiredService<OrderService>();
        var currency = sp.GetRequiredService<Tenancy.ITenantContext>().Tenant!.Currency;
        var now = time.GetUtcNow();
        foreach (var (member, count) in new[] { ("m001", 6), ("m002", 2), ("m003", 2) })
        {
            for (var n = 1; n <= count; n++)
            {
                var orderId = $"demo-regular-{member}-{n}";
                CreateOrderLine[] lines = [new("SKN-SERUM", "skincare", 6, 39.00m), new("TEA-MATCHA", "tea", 6, 24.00m)];
                var created = await orders.CreateAsync(new CreateOrder(orderId, member, currency, lines, PaidAt: now.AddDays(-9 * n)), ct);
                // A conflict is the same order from an earlier seed (at another paidAt): keep it.
                if (created.Status is ServiceStatus.Invalid or ServiceStatus.NotFound) throw new InvalidOperationException($"The demo order {orderId} was refused: {created.Message}");
            }
        }
    }
}
