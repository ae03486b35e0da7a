using System.Net;
using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tiers;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Tiers;

/// <summary>Tier set-ups and reads shared by the tier tests: the template rules (Silver 500, Gold 2,000, Black 10,000 spent).</summary>
public static class TierScenario
{
    public static async Task DefineTemplateTiers(this TestTenant tenant)
    {
        foreach (var (code, name, rank) in new[] { ("silver", "Silver", 1), ("gold", "Gold", 2), ("black", "Black", 3) })
        {
            await (await tenant.Client.PostJson(tenant.Url("tiers"), new { code, name, rank, benefits = new { pointsMultiplier = 1m + rank / 10m, discountPercent = rank * 5m, freeShipping = rank >= 2 } }))
                .ShouldHaveStatus(HttpStatusCode.Created);
        }
    }

    public static async Task SetPolicy(this TestTenant tenant, int reevaluationMonths, int graceDays) =>
        await (await tenant.Client.PutAsync(tenant.Url("tier-policy"), System.Net.Http.Json.JsonContent.Create(new { reevaluationMonths, graceDays })))
            .ShouldHaveStatus(HttpStatusCode.OK);

    /// <summary>An order of 2 × <paramref name="unitPrice"/> plus a 5 mug, no shipping.</summary>
    public static async Task<JsonNode> Order(this TestTenant tenant, string orderId, string member, decimal unitPrice) =>
        await (await tenant.Client.PostJson(tenant.Url("orders"), Storefront.Order(orderId, member, unitPrice: unitPrice))).ShouldHaveStatus(HttpStatusCode.Created);

    public static async Task<JsonNode> Tier(this TestTenant tenant, string member) =>
        await (await tenant.Client.GetAsync(tenant.Url($"members/{member}/tier"))).ShouldHaveStatus(HttpStatusCode.OK);

    public static async Task<JsonArray> History(this TestTenant tenant, string member) =>
        (await (await tenant.Client.GetAsync(tenant.Url($"members/{member}/tier-history?limit=100"))).ShouldHaveStatus(HttpStatusCode.OK))["data"]!.AsArray();

    public static string? Code(this JsonNode tier) => tier["code"]?.GetValue<string>();

    /// <summary>Polls until the member holds <paramref name="code"/> (the order's handlers run after the order's commit).</summary>
    public static async Task<JsonNode> WaitForTier(this TestTenant tenant, string member, string? code)
    {
        JsonNode tier = new JsonObject();
        for (var i = 0; i < 200; i++)
        {
            tier = await tenant.Tier(member);
            if (tier.Code() == code) return tier;
            await Task.Delay(50);
        }
        return tier;
    }

    public static async Task<T> InTenant<T>(this TestHost host, TestTenant tenant, Func<IServiceProvider, Task<T>> work)
    {
        TenantInfo info;
        await using (var root = host.Services.CreateAsyncScope())
        {
            info = (await root.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdAsync(tenant.Id))!;
        }
        await using var scope = host.Services.GetRequiredService<TenantScopeFactory>().CreateScope(info);
        return await work(scope.ServiceProvider);
    }

    /// <summary>One full evaluation pass of the brand at <paramref name="asOf"/>, as the nightly run does it.</summary>
    public static Task<TierPassResult> EvaluateAll(this TestHost host, TestTenant tenant, DateTimeOffset asOf) =>
        host.InTenant(tenant, sp => sp.GetRequiredService<TierBatchEvaluation>().RunAsync(asOf, "test", CancellationToken.None));

    public static Task<string> MemberId(this TestHost host, TestTenant tenant, string externalId) =>
        host.InTenant(tenant, sp => sp.GetRequiredService<AppDbContext>().Members.Where(m => m.ExternalId == externalId).Select(m => m.Id).SingleAsync());
}
