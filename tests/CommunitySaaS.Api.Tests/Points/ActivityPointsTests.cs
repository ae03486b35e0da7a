using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;
using static CommunitySaaS.Api.Tests.Infrastructure.RuleSetRequests;

namespace CommunitySaaS.Api.Tests.Points;

/// <summary>Activities the storefront posts: idempotent by activityId, limited per period atomically, referrals without self-referral.</summary>
public abstract class ActivityPointsTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    private static object Rule(string name, string eventName, string expression, string output, Dictionary<string, object>? more = null) => new
    {
        RuleName = name,
        Expression = expression,
        Properties = new Dictionary<string, object>(more ?? []) { ["event"] = eventName },
        Actions = new { OnSuccess = new { Name = "OutputExpression", Context = new { Expression = output } } },
    };

    private static async Task<TestTenant> BrandWithActivityRulesAsync(TestHost host)
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.Publish("points", (await tenant.CreateDraft("points", Workflow(new
        {
            WorkflowName = "points",
            Rules = new[]
            {
                Rule("DailySignIn", "signin", "true", "5", new() { ["limit"] = 1, ["per"] = "day" }),
                Rule("StoreCheckIn", "checkin", "true", "10", new() { ["delayDays"] = 3 }),
                Rule("Referrer", "referral", "activity.Properties[\"role\"] == \"referrer\"", "50"),
                Rule("Welcome", "referral", "activity.Properties[\"role\"] == \"referred\"", "20"),
                Rule("Tasting", "custom.tasting", "true", "7"),
            },
        }))).Number());
        return tenant;
    }

    private static object Activity(string id, string type, DateTimeOffset? at = null, Dictionary<string, string>? properties = null) =>
        new { activityId = id, type, occurredAt = at ?? DateTimeOffset.UtcNow, properties };

    [Fact]
    public async Task SignIn_EarnsOnceADay_WhenTwentySignInsArriveAtOnce()
    {
        var tenant = await BrandWithActivityRulesAsync(host);
        await tenant.UpsertMember("m1");
        var at = DateTimeOffset.UtcNow;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            tenant.Client.PostJson(tenant.Url("members/m1/activities"), Activity($"s-{i}", "signin", at))));

        var bodies = await Task.WhenAll(responses.Select(r => r.ShouldHaveStatus(HttpStatusCode.Created)));
        bodies.Sum(b => b["points"]!.GetValue<long>()).ShouldBe(5);
        var refused = bodies.Where(b => b["points"]!.GetValue<long>() == 0).ToList();
        refused.Count.ShouldBe(19);
        refused.ShouldAllBe(b => b["limited"]![0]!["rule"]!.GetValue<string>() == "DailySignIn" && b["limited"]![0]!["per"]!.GetValue<string>() == "day");
        (await tenant.Points("m1"))["available"]!.GetValue<long>().ShouldBe(5);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Activity_AnswersTheSameAgain_WhenReplayed_AndConflicts_WhenTheBodyDiffers()
    {
        var tenant = await BrandWithActivityRulesAsync(host);
        await tenant.UpsertMember("m1");
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var first = await (await tenant.Client.PostJson(tenant.Url("members/m1/activities"), Activity("c-1", "checkin", at))).ShouldHaveStatus(HttpStatusCode.Created);

        var replays = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => tenant.Client.PostJson(tenant.Url("members/m1/activities"), Activity("c-1", "checkin", at))));
        var different = await tenant.Client.PostJson(tenant.Url("members/m1/activities"), Activity("c-1", "review", at));

        first["points"]!.GetValue<long>().ShouldBe(10);
        first["entries"]![0]!["state"]!.GetValue<string>().ShouldBe("pending");
        foreach (var replay in replays) (await replay.ShouldHaveStatus(HttpStatusCode.OK))["points"]!.GetValue<long>().ShouldBe(10);
        await different.ShouldBeProblem(HttpStatusCode.Conflict);
        var points = await tenant.Points("m1");
        points["pending"]!.GetValue<long>().ShouldBe(10);
        points["available"]!.GetValue<long>().ShouldBe(0);
        var custom = await (await tenant.Client.PostJson(tenant.Url("members/m1/activities"), Activity("t-1", "custom.tasting"))).ShouldHaveStatus(HttpStatusCode.Created);
        custom["points"]!.GetValue<long>().ShouldBe(7);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Referral_EarnsForBothOnce_AndRefusesSelfReferral()
    {
        var tenant = await BrandWithActivityRulesAsync(host);
        await tenant.UpsertMember("ann", new { name = "Ann", email = "ann@example.com", phone = "+1 555 0100" });
        await tenant.UpsertMember("ann2", new { name = "Ann again", email = "ANN@example.com" });
        await tenant.UpsertMember("ann3", new { name = "Ann phone", email = "other@example.com", phone = "1-555-0100" });
        await tenant.UpsertMember("bob", new { name = "Bob", email = "bob@example.com" });
        await tenant.UpsertMember("cat", new { name = "Cat", email = "cat@example.com" });

        foreach (var (id, referred) in new[] { ("x-1", "ann"), ("x-2", "ann2"), ("x-3", "ann3") })
        {
            await (await tenant.Client.PostJson(tenant.Url("members/ann/activities"), Activity(id, "referral", properties: new() { ["referredExternalId"] = referred })))
                .ShouldBeProblem(HttpStatusCode.BadRequest, "properties.referredExternalId");
        }
        var responses = await Task.WhenAll(new[] { "ann", "cat" }.Select((referrer, i) =>
            tenant.Client.PostJson(tenant.Url($"members/{referrer}/activities"), Activity($"ref-{i}", "referral", properties: new() { ["referredExternalId"] = "bob" }))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        var won = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).ShouldHaveStatus(HttpStatusCode.Created);
        await responses.Single(r => r.StatusCode != HttpStatusCode.Created).ShouldBeProblem(HttpStatusCode.Conflict);
        won["points"]!.GetValue<long>().ShouldBe(50);
        won["referredPoints"]!.GetValue<long>().ShouldBe(20);
        (await tenant.Points("bob"))["available"]!.GetValue<long>().ShouldBe(20);
        (await tenant.Points(won["memberExternalId"]!.GetValue<string>()))["available"]!.GetValue<long>().ShouldBe(50);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Activity_IsRefusedWithProblems_WhenTheInputIsBad()
    {
        var tenant = await BrandWithActivityRulesAsync(host);
        await tenant.UpsertMember("m1");

        await (await tenant.Client.PostJson(tenant.Url("members/m1/activities"), Activity("a-1", "dance"))).ShouldBeProblem(HttpStatusCode.BadRequest, "type");
        await (await tenant.Client.PostJson(tenant.Url("members/m1/activities"), new { activityId = "a-2", type = "signin" })).ShouldBeProblem(HttpStatusCode.BadRequest, "occurredAt");
        await (await tenant.Client.PostJson(tenant.Url("members/m1/activities"), Activity("a-3", "signin", DateTimeOffset.UtcNow.AddDays(1)))).ShouldBeProblem(HttpStatusCode.BadRequest, "occurredAt");
        await (await tenant.Client.PostJson(tenant.Url("members/m1/activities"), Activity("a 4", "signin"))).ShouldBeProblem(HttpStatusCode.BadRequest, "activityId");
        await (await tenant.Client.PostJson(tenant.Url("members/m1/activities"), Activity("a-5", "referral"))).ShouldBeProblem(HttpStatusCode.BadRequest, "properties.referredExternalId");
        await (await tenant.Client.PostJson(tenant.Url("members/nobody/activities"), Activity("a-6", "signin"))).ShouldBeProblem(HttpStatusCode.NotFound);
        (await tenant.EntriesOf("m1")).ShouldBeEmpty();
    }
}

public sealed class ActivityPointsTestsOnSqlite(SqliteHost host) : ActivityPointsTests<SqliteHost>(host);

public sealed class ActivityPointsTestsOnPostgres(PostgresHost host) : ActivityPointsTests<PostgresHost>(host);
