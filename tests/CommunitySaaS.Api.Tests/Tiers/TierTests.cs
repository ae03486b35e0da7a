using System.Net;
using System.Net.Http.Json;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tiers;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Tiers;

public abstract class TierTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Tiers_AreCreatedListedEditedAndDeleted_WithConflictsAsProblems()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.DefineTemplateTiers();

        var list = await (await tenant.Client.GetAsync(tenant.Url("tiers"))).ShouldHaveStatus(HttpStatusCode.OK);
        list["data"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()).ShouldBe(["black", "gold", "silver"]);
        var gold = await (await tenant.Client.GetAsync(tenant.Url("tiers/gold"))).ShouldHaveStatus(HttpStatusCode.OK);
        gold["benefits"]!["freeShipping"]!.GetValue<bool>().ShouldBeTrue();
        gold["benefits"]!["discountPercent"]!.GetValue<decimal>().ShouldBe(10m);

        var edited = await (await tenant.Client.PutAsJsonAsync(tenant.Url("tiers/gold"), new { name = "Gold+", rank = 5, benefits = new { pointsMultiplier = 2m, custom = "Early access" } }))
            .ShouldHaveStatus(HttpStatusCode.OK);
        edited["name"]!.GetValue<string>().ShouldBe("Gold+");
        edited["benefits"]!["custom"]!.GetValue<string>().ShouldBe("Early access");

        await (await tenant.Client.PostJson(tenant.Url("tiers"), new { code = "gold", name = "Again", rank = 9, benefits = new { } })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await tenant.Client.PostJson(tenant.Url("tiers"), new { code = "vip", name = "VIP", rank = 5, benefits = new { } })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await tenant.Client.PutAsJsonAsync(tenant.Url("tiers/silver"), new { name = "S", rank = 3, benefits = new { } })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await tenant.Client.GetAsync(tenant.Url("tiers/nope"))).ShouldBeProblem(HttpStatusCode.NotFound);

        await (await tenant.Client.DeleteAsync(tenant.Url("tiers/black"))).ShouldHaveStatus(HttpStatusCode.OK);
        await (await tenant.Client.GetAsync(tenant.Url("tiers/black"))).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"code\":\"Bad Code\",\"name\":\"X\",\"rank\":1,\"benefits\":{}}", "Code")]
    [InlineData("{\"code\":\"ok\",\"name\":\"X\",\"rank\":0,\"benefits\":{}}", "Rank")]
    [InlineData("{\"code\":\"ok\",\"name\":\"X\",\"rank\":1,\"benefits\":{\"discountPercent\":150}}", "Benefits.DiscountPercent")]
    [InlineData("{\"code\":\"ok\",\"name\":\"X\",\"rank\":1,\"benefits\":{\"pointsMultiplier\":-1}}", "Benefits.PointsMultiplier")]
    [InlineData("{\"code\":\"ok\",\"name\":\"X\",\"rank\":1}", "Benefits")]
    public async Task CreateTier_IsAProblemNamingTheField_WhenInputIsBad(string body, string field)
    {
        var tenant = await host.CreateTenantAsync();
        var response = await tenant.Client.PostAsync(tenant.Url("tiers"), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ShouldHaveStatus(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var last = field.Split('.').Last();
        var keys = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        keys.Any(k => k.EndsWith(last, StringComparison.OrdinalIgnoreCase)).ShouldBeTrue(problem.ToJsonString());
    }

    [Fact]
    public async Task TierPolicy_IsValidated_AndKept()
    {
        var tenant = await host.CreateTenantAsync();
        (await (await tenant.Client.GetAsync(tenant.Url("tier-policy"))).ShouldHaveStatus(HttpStatusCode.OK))["graceDays"]!.GetValue<int>().ShouldBe(TierPolicy.DefaultGraceDays);
        await (await tenant.Client.PutAsJsonAsync(tenant.Url("tier-policy"), new { reevaluationMonths = 0, graceDays = 10 })).ShouldBeProblem(HttpStatusCode.BadRequest, "reevaluationMonths");
        await (await tenant.Client.PutAsJsonAsync(tenant.Url("tier-policy"), new { reevaluationMonths = 3, graceDays = -1 })).ShouldBeProblem(HttpStatusCode.BadRequest, "graceDays");
        await tenant.SetPolicy(3, 7);
        var policy = await (await tenant.Client.GetAsync(tenant.Url("tier-policy"))).ShouldHaveStatus(HttpStatusCode.OK);
        policy["reevaluationMonths"]!.GetValue<int>().ShouldBe(3);
        policy["graceDays"]!.GetValue<int>().ShouldBe(7);
    }

    [Fact]
    public async Task Order_UpgradesTheMemberAtOnce_WithHistoryRuleVersionAndEvent()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.DefineTemplateTiers();
        await tenant.UpsertMember("m1");

        await tenant.Order("o-1", "m1", unitPrice: 300m);

        var tier = await tenant.WaitForTier("m1", "silver");
        tier.Code().ShouldBe("silver");
        tier["source"]!.GetValue<string>().ShouldBe("earned");
        tier["benefits"]!["pointsMultiplier"]!.GetValue<decimal>().ShouldBe(1.1m);
        tier["next"]!["code"]!.GetValue<string>().ShouldBe("gold");
        // Gold needs 2,000 spent; the order's 605 of goods count.
        tier["next"]!["missingSpend"]!.GetValue<decimal>().ShouldBe(1395m);
        tier["next"]!["missingPoints"].ShouldBeNull();
        var history = await tenant.History("m1");
        history.Count.ShouldBe(1);
        history[0]!["reason"]!.GetValue<string>().ShouldBe("upgrade");
        history[0]!["to"]!.GetValue<string>().ShouldBe("silver");
        history[0]!["ruleSetVersion"]!.GetValue<int>().ShouldBe(1);
        history[0]!["rule"]!.GetValue<string>().ShouldBe("Silver");
        history[0]!["spend12m"]!.GetValue<decimal>().ShouldBe(605m);
        history[0]!["trigger"]!.GetValue<string>().ShouldStartWith("order.paid:");
        var memberId = await host.MemberId(tenant, "m1");
        var changed = (await host.EventsAsync(tenant.Id, TierChanged.TypeName)).ShouldHaveSingleItem();
        changed.AggregateId.ShouldBe(memberId);
        changed.Sequence.ShouldBeGreaterThanOrEqualTo(1);

        // A second order lifts the member to Gold at once; a replayed evaluation writes nothing.
        await tenant.Order("o-2", "m1", unitPrice: 700m);
        (await tenant.WaitForTier("m1", "gold")).Code().ShouldBe("gold");
        (await host.EvaluateAll(tenant, DateTimeOffset.UtcNow)).Changed.ShouldBe(0);
        (await tenant.History("m1")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Refund_NeverDemotesAtOnce_ButLowersTheNextEvaluation_AfterGrace()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.DefineTemplateTiers();
        await tenant.SetPolicy(reevaluationMonths: 1, graceDays: 10);
        await tenant.UpsertMember("refunded");
        await tenant.UpsertMember("kept");
        await tenant.Order("o-r", "refunded", unitPrice: 300m);
        await tenant.Order("o-k", "kept", unitPrice: 300m);
        (await tenant.WaitForTier("refunded", "silver")).Code().ShouldBe("silver");
        (await tenant.WaitForTier("kept", "silver")).Code().ShouldBe("silver");
        var start = DateTimeOffset.UtcNow;

        await (await tenant.Client.PostJson(tenant.Url("orders/o-r/refunds"), new { refundId = "r-1", amount = 605m })).ShouldHaveStatus(HttpStatusCode.Created);
        (await host.EvaluateAll(tenant, start.AddDays(15))).Changed.ShouldBe(0);
        (await tenant.Tier("refunded")).Code().ShouldBe("silver");

        // At the re-evaluation date the refunded member no longer qualifies: grace starts, the tier is kept.
        (await host.EvaluateAll(tenant, start.AddMonths(1).AddDays(1))).Changed.ShouldBe(1);
        var inGrace = await tenant.Tier("refunded");
        inGrace.Code().ShouldBe("silver");
        inGrace["graceUntil"].ShouldNotBeNull();
        (await host.EvaluateAll(tenant, start.AddMonths(1).AddDays(5))).Changed.ShouldBe(0);
        (await tenant.Tier("refunded")).Code().ShouldBe("silver");

        (await host.EvaluateAll(tenant, start.AddMonths(1).AddDays(12))).Changed.ShouldBe(1);
        (await tenant.Tier("refunded")).Code().ShouldBeNull();
        (await tenant.Tier("kept")).Code().ShouldBe("silver");
        (await tenant.History("refunded")).Select(h => h!["reason"]!.GetValue<string>()).ShouldBe(["downgrade", "graceStarted", "upgrade"]);
        (await tenant.History("kept")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ConcurrentEvaluations_OfOneMember_RecordOneChangeOnce()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("race");
        // No tier is defined yet, so the order's own handler grants nothing: only the racers below can.
        await tenant.Order("o-race", "race", unitPrice: 1100m);
        await Task.Delay(300);
        await tenant.DefineTemplateTiers();
        var memberId = await host.MemberId(tenant, "race");
        var asOf = DateTimeOffset.UtcNow;

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => host.InTenant(tenant, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var changed = await sp.GetRequiredService<TierEvaluator>().EvaluateAsync([memberId], asOf, "race", TierEvaluationMode.Full, CancellationToken.None);
            await tx.CommitAsync();
            return changed;
        }))));

        results.Sum().ShouldBe(1);
        (await tenant.Tier("race")).Code().ShouldBe("gold");
        (await tenant.History("race")).Count.ShouldBe(1);
        (await host.EventsAsync(tenant.Id, TierChanged.TypeName)).Count.ShouldBe(1);
        var revision = await host.InTenant(tenant, sp => sp.GetRequiredService<AppDbContext>().Set<MemberTier>().Where(m => m.MemberId == memberId).Select(m => m.Revision).SingleAsync());
        revision.ShouldBe(1);
    }

    [Fact]
    public async Task TierHistory_IsCursorPaged_AndUnknownMembersAreNotFound()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.DefineTemplateTiers();
        await tenant.UpsertMember("pager");
        await tenant.Order("p-1", "pager", unitPrice: 300m);
        await tenant.WaitForTier("pager", "silver");
        await tenant.Order("p-2", "pager", unitPrice: 800m);
        await tenant.WaitForTier("pager", "gold");

        var first = await (await tenant.Client.GetAsync(tenant.Url("members/pager/tier-history?limit=1"))).ShouldHaveStatus(HttpStatusCode.OK);
        first["hasMore"]!.GetValue<bool>().ShouldBeTrue();
        first["data"]![0]!["to"]!.GetValue<string>().ShouldBe("gold");
        var cursor = first["nextCursor"]!.GetValue<string>();
        var second = await (await tenant.Client.GetAsync(tenant.Url($"members/pager/tier-history?limit=1&after={cursor}"))).ShouldHaveStatus(HttpStatusCode.OK);
        second["data"]![0]!["to"]!.GetValue<string>().ShouldBe("silver");
        second["hasMore"]!.GetValue<bool>().ShouldBeFalse();

        await (await tenant.Client.GetAsync(tenant.Url("members/ghost/tier"))).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await tenant.Client.GetAsync(tenant.Url("members/ghost/tier-history"))).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await tenant.Client.GetAsync(tenant.Url("members/pager/tier-history?limit=0"))).ShouldBeProblem(HttpStatusCode.BadRequest, "limit");
        await (await tenant.Client.GetAsync(tenant.Url("members/pager/tier-history?after=junk"))).ShouldBeProblem(HttpStatusCode.BadRequest, "after");
    }
}

public sealed class TierTestsOnSqlite(SqliteHost host) : TierTests<SqliteHost>(host);

public sealed class TierTestsOnPostgres(PostgresHost host) : TierTests<PostgresHost>(host);
