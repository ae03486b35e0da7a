using CommunitySaaS.Core.ApiKeys;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Communities;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Orders;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Demo;

/// <summary>
/// Seeds the demo brand. Every step is keyed by a natural id (member ids, order ids, the key hash), so a
/// restart, or a seed that died half-way, completes what is missing and duplicates nothing.
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, DemoOptions options, TimeProvider time)
{
    private static readonly string[] FirstNames = ["Ava", "Li", "Noah", "Mei", "Omar", "Sofia", "Kenji", "Zara", "Lucas", "Ines", "Ravi", "Chloe", "Mateo", "Yuna", "Elif", "Jonas", "Amara"];
    private static readonly string[] LastNames = ["Chen", "Garcia", "Okafor", "Tanaka", "Muller", "Rossi", "Kim", "Silva", "Nguyen", "Haddad", "Novak"];
    private static readonly (string Sku, string Category, decimal Price)[] Catalog =
    [
        ("TEA-OOLONG", "tea", 18.50m), ("TEA-MATCHA", "tea", 24.00m), ("SNK-ALMOND", "snacks", 6.90m), ("SNK-MOCHI", "snacks", 9.50m),
        ("SKN-SERUM", "skincare", 39.00m), ("SKN-MASK", "skincare", 12.00m), ("HOM-CANDLE", "home", 22.00m), ("HOM-MUG", "home", 15.00m),
    ];

    public async Task<TenantInfo> SeedAsync(CancellationToken ct = default)
    {
        var tenant = await EnsureTenantAsync(ct);
        await using var scope = tenantScopes.CreateScope(tenant);
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (!await db.ApiKeys.AnyAsync(k => k.Hash == ApiKeySecrets.Hash(options.SecretKey), ct))
        {
            await sp.GetRequiredService<ApiKeyService>().CreateAsync(new CreateApiKey("Demo secret key", ApiKeyKind.Secret), options.SecretKey, ct);
        }
        await sp.GetRequiredService<RuleSetTemplateSeeder>().EnsureAsync(ct);
        if (await db.Orders.CountAsync(ct) >= 150)
        {
            await DemoLoyaltySeeder.SeedAsync(sp, time, ct);
            return tenant;
        }

        var random = new Random(42);
        var members = sp.GetRequiredService<MemberService>();
        var memberIds = new List<string>();
        for (var i = 1; i <= 50; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var externalId = $"m{i:000}";
            memberIds.Add(externalId);
            await members.UpsertAsync(externalId, new UpsertMember($"{first} {last}", $"{first}.{last}{i}@example.com".ToLowerInvariant(),
                $"+1555{i:0000000}", new DateOnly(1970 + random.Next(35), 1 + random.Next(12), 1 + random.Next(28)),
                i % 7 == 0 ? ["vip"] : []), ct);
        }

        var communityIds = await EnsureCommunitiesAsync(sp, db, ct);
        var communities = sp.GetRequiredService<CommunityService>();
        foreach (var (externalId, i) in memberIds.Select((m, i) => (m, i)))
        {
            await communities.JoinAsync(communityIds[i % communityIds.Count], new JoinCommunity(externalId), ct);
        }

        var orders = sp.GetRequiredService<OrderService>();
        var now = time.GetUtcNow();
        for (var n = 1; n <= 150; n++)
        {
            // Every fourth line is on sale, every fifth order has a voucher, and orders under 30.00 pay shipping.
            var lines = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Catalog[random.Next(Catalog.Length)])
                .Select((p, i) => new CreateOrderLine(p.Sku, p.Category, 1 + random.Next(3), p.Price, (n + i) % 4 == 0 ? 1.00m : 0m)).ToList();
            var goods = lines.Sum(l => l.Quantity * l.UnitPrice - l.Discount);
            var voucher = n % 5 == 0 ? Math.Min(5.00m, goods) : 0m;
            var shipping = goods < 30m ? 4.90m : 0m;
            var paidAt = now.AddMinutes(-random.Next(45 * 24 * 60));
            var member = memberIds[random.Next(memberIds.Count)];
            var orderId = $"demo-{n:0000}";
            var created = await orders.CreateAsync(new CreateOrder(
                orderId, member, tenant.Currency, lines, communityIds[random.Next(communityIds.Count)], null, paidAt, shipping, voucher), ct);
            // A conflict is an order a half-finished earlier seed already made (at another paidAt): keep it.
            if (created.Status is ServiceStatus.Invalid or ServiceStatus.NotFound) throw new InvalidOperationException($"The demo order {orderId} was refused: {created.Message}");
            if (n % 3 == 0) await orders.FulfillAsync(orderId, ct);
            if (n % 17 == 0) await orders.RefundAsync(orderId, new CreateRefund($"{orderId}-r1", [new RefundLineRequest(1, 1)], null, "Damaged in delivery"), ct);
            if (n % 23 == 0) await orders.RefundAsync(orderId, new CreateRefund($"{orderId}-r2", Amount: 2.00m, Reason: "Late delivery"), ct);
        }
        await DemoLoyaltySeeder.SeedAsync(sp, time, ct);
        return tenant;
    }

    private async Task<TenantInfo> EnsureTenantAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Slug == options.Slug, ct);
        if (tenant is null)
        {
            tenant = new Tenant { Slug = options.Slug, Name = "Demo Tea & Co.", Currency = "USD", TimeZone = "America/New_York", ReturnWindowDays = 14, CreatedAt = time.GetUtcNow() };
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync(ct);
        }
        return tenant.ToInfo();
    }

    private static async Task<List<string>> EnsureCommunitiesAsync(IServiceProvider sp, AppDbContext db, CancellationToken ct)
    {
        SaveCommunity[] wanted =
        [
            new("Tea Lovers Online", CommunityKind.OnlineGroup, "m001"),
            new("Skincare Circle", CommunityKind.OnlineGroup, "m002"),
            new("Downtown Flagship", CommunityKind.OfflineStore, "m003", new Address("100 Main St", "Springfield", "IL", "62701", "US")),
            new("Riverside Store", CommunityKind.OfflineStore, "m004", new Address("8 River Rd", "Springfield", "IL", "62702", "US")),
        ];
        var service = sp.GetRequiredService<CommunityService>();
        var ids = new List<string>();
        foreach (var community in wanted)
        {
            var id = await db.Communities.Where(c => c.Name == community.Name).Select(c => c.Id).FirstOrDefaultAsync(ct)
                ?? (await service.CreateAsync(community, ct)).Value!.Id;
            ids.Add(id);
        }
        return ids;
    }
}
