using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Api.Tests.Points;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Rewards;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Rewards;

/// <summary>Redemptions attacked the way a greedy member, a crowd at a sale or a retrying storefront would.</summary>
public abstract class RedemptionTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Redeem_NeverOverdrawsOrOverLimits_WhenFiftyRedemptionsByOneMemberArriveAtOnce()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Adjust("m1", 100, "k-100")).ShouldHaveStatus(HttpStatusCode.Created);
        var reward = await CreateReward(tenant, new { code = "tea", name = "Tea", kind = "product", pointsCost = 7, stock = 40, perMemberLimit = 12 });

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            tenant.Client.PostJson(tenant.Url("members/m1/redemptions"), new { rewardId = reward, quantity = 1 }, $"r-{i}")));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(12);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        refused.Count.ShouldBe(38);
        foreach (var r in refused) (await r.Content.ReadFromJsonAsync<JsonNode>())!["type"]!.GetValue<string>().ShouldBe("urn:communitysaas:problem:reward-limit-reached");
        (await tenant.Points("m1"))["available"]!.GetValue<long>().ShouldBe(100 - 12 * 7);
        (await Get(tenant, $"rewards/{reward}"))["stock"]!.GetValue<long>().ShouldBe(28);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Redeem_StopsAtZeroPoints_WhenFiftyRedemptionsWithoutLimitArriveAtOnce()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Adjust("m1", 100, "k-100")).ShouldHaveStatus(HttpStatusCode.Created);
        var reward = await CreateReward(tenant, new { code = "tea", name = "Tea", kind = "product", pointsCost = 7 });

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            tenant.Client.PostJson(tenant.Url("members/m1/redemptions"), new { rewardId = reward, quantity = 1 }, $"r-{i}")));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(14);
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            (await r.ShouldBeProblem(HttpStatusCode.Conflict))["type"]!.GetValue<string>().ShouldBe("urn:communitysaas:problem:insufficient-points");
        (await tenant.Points("m1"))["available"]!.GetValue<long>().ShouldBe(2);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Redeem_HandsEachCodeOutOnce_WhenManyMembersRaceForTheLastCodes()
    {
        var tenant = await host.CreateTenantAsync();
        var reward = await CreateReward(tenant, new { code = "coupon", name = "10% off", kind = "coupon", pointsCost = 5 });
        var upload = await (await tenant.Client.PostAsync(tenant.Url($"rewards/{reward}/codes"),
            new StringContent("A1\nA2\nA3\nA2\n\nA4\nA5\n", Encoding.UTF8, "text/plain"))).ShouldHaveStatus(HttpStatusCode.OK);
        upload["accepted"]!.GetValue<int>().ShouldBe(5);
        upload["duplicates"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["A2"]);
        for (var i = 0; i < 20; i++)
        {
            await tenant.UpsertMember($"m{i}");
            await (await tenant.Adjust($"m{i}", 10, $"k-{i}")).ShouldHaveStatus(HttpStatusCode.Created);
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            tenant.Client.PostJson(tenant.Url($"members/m{i}/redemptions"), new { rewardId = reward, quantity = 1 }, $"r-{i}")));

        var won = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        won.Count.ShouldBe(5);
        var codes = new List<string>();
        foreach (var r in won) codes.AddRange((await r.Content.ReadFromJsonAsync<JsonNode>())!["codes"]!.AsArray().Select(c => c!.GetValue<string>()));
        codes.Order().ShouldBe(["A1", "A2", "A3", "A4", "A5"]);
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            (await r.ShouldBeProblem(HttpStatusCode.Conflict))["type"]!.GetValue<string>().ShouldBe("urn:communitysaas:problem:reward-out-of-stock");
        var pool = await Get(tenant, $"rewards/{reward}/codes");
        pool["unused"]!.GetValue<int>().ShouldBe(0);
        pool["handedOut"]!.GetValue<int>().ShouldBe(5);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Cancel_ReturnsPointsAndCodeOnce_WhenReplayedTwentyTimesAtOnce()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Adjust("m1", 50, "k-50")).ShouldHaveStatus(HttpStatusCode.Created);
        var reward = await CreateReward(tenant, new { code = "coupon", name = "10% off", kind = "coupon", pointsCost = 20 });
        await (await tenant.Client.PostJson(tenant.Url($"rewards/{reward}/codes"), new[] { "C1" })).ShouldHaveStatus(HttpStatusCode.OK);
        var redemption = await (await tenant.Client.PostJson(tenant.Url("members/m1/redemptions"), new { rewardId = reward }, "r-1")).ShouldHaveStatus(HttpStatusCode.Created);
        var id = redemption["id"]!.GetValue<string>();
        redemption["codes"]!.AsArray().Single()!.GetValue<string>().ShouldBe("C1");

        var cancels = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            tenant.Client.PostJson(tenant.Url($"members/m1/redemptions/{id}/cancel"), new { }, $"c-{i}")));

        cancels.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await tenant.Points("m1"))["available"]!.GetValue<long>().ShouldBe(50);
        (await Get(tenant, $"rewards/{reward}/codes"))["unused"]!.GetValue<int>().ShouldBe(1);
        (await Get(tenant, $"rewards/{reward}"))["stock"]!.GetValue<long>().ShouldBe(1);
        var list = await Get(tenant, "members/m1/redemptions");
        list["data"]!.AsArray().Single()!["status"]!.GetValue<string>().ShouldBe("canceled");
        (await host.StoredAsync<RedemptionCanceled>(tenant)).Count.ShouldBe(1);
        (await host.StoredAsync<PointsRedeemed>(tenant)).Single().Points.ShouldBe(20);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Redeem_ReplaysTheFirstResult_WhenRetriedWithTheSameIdempotencyKeyAtOnce()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Adjust("m1", 100, "k-100")).ShouldHaveStatus(HttpStatusCode.Created);
        var reward = await CreateReward(tenant, new { code = "tea", name = "Tea", kind = "product", pointsCost = 10 });

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            tenant.Client.PostJson(tenant.Url("members/m1/redemptions"), new { rewardId = reward }, "same-key")));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBeGreaterThanOrEqualTo(1);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        (await tenant.Points("m1"))["available"]!.GetValue<long>().ShouldBe(90);
    }

    [Fact]
    public async Task Redeem_IsRefusedWithItsOwnProblemType_ForEachRule()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Adjust("m1", 10, "k-10")).ShouldHaveStatus(HttpStatusCode.Created);
        var now = DateTimeOffset.UtcNow;
        var cases = new (object Reward, string Type)[]
        {
            (new { code = "off", name = "Off", kind = "product", pointsCost = 1, enabled = false }, "reward-disabled"),
            (new { code = "later", name = "Later", kind = "product", pointsCost = 1, validFrom = now.AddDays(1) }, "reward-not-valid-yet"),
            (new { code = "gone", name = "Gone", kind = "product", pointsCost = 1, validFrom = now.AddDays(-2), validUntil = now.AddDays(-1) }, "reward-expired"),
            (new { code = "gold", name = "Gold", kind = "product", pointsCost = 1, allowedTiers = new[] { "Gold" } }, "reward-tier-not-allowed"),
            (new { code = "none", name = "None", kind = "product", pointsCost = 1, stock = 0 }, "reward-out-of-stock"),
            (new { code = "dear", name = "Dear", kind = "product", pointsCost = 11 }, "insufficient-points"),
        };
        foreach (var (body, type) in cases)
        {
            var reward = await CreateReward(tenant, body);
            var problem = await (await tenant.Client.PostJson(tenant.Url("members/m1/redemptions"), new { rewardId = reward })).ShouldBeProblem(HttpStatusCode.Conflict);
            problem["type"]!.GetValue<string>().ShouldBe($"urn:communitysaas:problem:{type}");
        }
        (await tenant.Points("m1"))["available"]!.GetValue<long>().ShouldBe(10);
        var visible = await Get(tenant, "rewards?member=m1");
        visible["data"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).Order().ShouldBe(["dear", "none"]);
    }

    [Fact]
    public async Task Rewards_RefuseBadInput_WithProblemsNamingTheField()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Client.PostJson(tenant.Url("rewards"), new { code = "x", name = "X", kind = "product", pointsCost = 0 })).ShouldBeProblem(HttpStatusCode.BadRequest, "pointsCost");
        await (await tenant.Client.PostJson(tenant.Url("rewards"), new { code = "x", name = "X", kind = "coupon", pointsCost = 1, stock = 5 })).ShouldBeProblem(HttpStatusCode.BadRequest, "stock");
        await (await tenant.Client.PostJson(tenant.Url("rewards"), new { code = "x y", name = "X", kind = "product", pointsCost = 1 })).ShouldBeProblem(HttpStatusCode.BadRequest, "code");
        var reward = await CreateReward(tenant, new { code = "x", name = "X", kind = "product", pointsCost = 1 });
        await (await tenant.Client.PostJson(tenant.Url("rewards"), new { code = "x", name = "X", kind = "product", pointsCost = 1 })).ShouldBeProblem(HttpStatusCode.BadRequest, "code");
        await (await tenant.Client.PostJson(tenant.Url("members/m1/redemptions"), new { rewardId = reward, quantity = 0 })).ShouldBeProblem(HttpStatusCode.BadRequest, "quantity");
        await (await tenant.Client.PostJson(tenant.Url("members/m1/redemptions"), new { rewardId = "rwd_nope" })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await tenant.Client.PostJson(tenant.Url($"rewards/{reward}/codes"), new[] { "A" })).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Rewards_AreInvisibleToAnotherBrand()
    {
        var mine = await host.CreateTenantAsync();
        var other = await host.CreateTenantAsync();
        await mine.UpsertMember("m1");
        var reward = await CreateReward(mine, new { code = "tea", name = "Tea", kind = "product", pointsCost = 1 });
        await (await other.Client.GetAsync(other.Url($"rewards/{reward}"))).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await other.Client.PostJson(other.Url($"rewards/{reward}/codes"), new[] { "Z" })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await other.Client.GetAsync(other.Url("members/m1/redemptions"))).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Get(other, "rewards"))["data"]!.AsArray().Count.ShouldBe(0);
        await (await other.Client.GetAsync($"/api/v1/{mine.Slug}/rewards")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    private static async Task<string> CreateReward(TestTenant tenant, object body) =>
        (await (await tenant.Client.PostJson(tenant.Url("rewards"), body)).ShouldHaveStatus(HttpStatusCode.Created))["id"]!.GetValue<string>();

    private static async Task<JsonNode> Get(TestTenant tenant, string path) =>
        await (await tenant.Client.GetAsync(tenant.Url(path))).ShouldHaveStatus(HttpStatusCode.OK);
}

public sealed class RedemptionTestsOnSqlite(SqliteHost host) : RedemptionTests<SqliteHost>(host);

public sealed class RedemptionTestsOnPostgres(PostgresHost host) : RedemptionTests<PostgresHost>(host);
