using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Api.Tests.Tiers;
using CommunitySaaS.Core.Demo;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests;

/// <summary>The embedded default: a host started with the demo seed has the demo brand, and seeding again adds nothing.</summary>
public sealed class DemoHost() : TestHost(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Demo:Seed"] = "true" });

public sealed class DemoSeedTests(DemoHost host) : IClassFixture<DemoHost>
{
    [Fact]
    public async Task Seed_CreatesDemoBrand_AndAddsNothing_WhenRunAgain()
    {
        var demo = host.Services.GetRequiredService<DemoOptions>();
        using var client = host.ClientWithKey(demo.SecretKey);
        var before = await CountsAsync(client);
        before.Members.ShouldBe(50);
        before.Orders.ShouldBe(160);
        before.Communities.ShouldBe(4);

        await host.Services.GetRequiredService<DemoSeeder>().SeedAsync();

        (await CountsAsync(client)).ShouldBe(before);
    }

    [Fact]
    public async Task Seed_LeavesRegularsInTiers_BySpendUnderTheTemplateRules()
    {
        var demo = host.Services.GetRequiredService<DemoOptions>();
        using var client = host.ClientWithKey(demo.SecretKey);
        var tenant = new TestTenant(demo.Slug, "", demo.SecretKey, client);

        (await tenant.WaitForTier("m001", "gold")).Code().ShouldBe("gold");
        (await tenant.WaitForTier("m002", "silver")).Code().ShouldBe("silver");
    }

    private static async Task<(int Members, int Orders, int Communities)> CountsAsync(HttpClient client) =>
        (await CountAsync(client, "members"), await CountAsync(client, "orders"), await CountAsync(client, "communities"));

    private static async Task<int> CountAsync(HttpClient client, string resource)
    {
        var total = 0;
        string? after = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/demo/{resource}?limit=100{(after is null ? "" : $"&after={after}")}")).ShouldHaveStatus(HttpStatusCode.OK);
            total += page["data"]!.AsArray().Count;
            after = page["hasMore"]!.GetValue<bool>() ? page["nextCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        return total;
    }
}
