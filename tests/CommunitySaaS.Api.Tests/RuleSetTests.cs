using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Rules;
using CommunitySaaS.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CommunitySaaS.Api.Tests.Infrastructure.RuleSetRequests;

namespace CommunitySaaS.Api.Tests;

public abstract class RuleSetTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task NewTenant_StartsWithActiveTemplates_ForEveryKind()
    {
        var tenant = await host.CreateTenantAsync();
        foreach (var kind in new[] { "points", "tiers", "commission" })
        {
            var active = await (await tenant.Client.GetAsync(tenant.Url($"rulesets/{kind}/active"))).ShouldHaveStatus(HttpStatusCode.OK);
            active.Number().ShouldBe(1);
            active["kind"]!.GetValue<string>().ShouldBe(kind);
            active["workflow"]!["Rules"]!.AsArray().Count.ShouldBeGreaterThan(0);
            active["publishedBy"]!.GetValue<string>().ShouldBe("system");
        }
    }

    [Fact]
    public async Task Lifecycle_DraftSimulatePublishRollback_KeepsEveryVersionWithWhoAndWhy()
    {
        var tenant = await host.CreateTenantAsync();
        var draft = await tenant.CreateDraft("points", PointsWorkflow("2"), "Double points week");
        draft.Number().ShouldBe(2);
        draft.Status().ShouldBe("draft");
        draft["createdBy"]!.GetValue<string>().ShouldStartWith("key_");

        var simulation = await (await tenant.Client.PostJson(tenant.Url("rulesets/points/simulate"), new
        {
            version = 2, cases = new[] { new { name = "ten dollars", order = new { total = 10m, currency = "USD" } } },
        })).ShouldHaveStatus(HttpStatusCode.OK);
        var only = simulation["cases"]!.AsArray().ShouldHaveSingleItem()!;
        only["active"]!["points"]!.GetValue<long>().ShouldBe(10);
        only["draft"]!["points"]!.GetValue<long>().ShouldBe(20);
        only["difference"]!["pointsDelta"]!.GetValue<long>().ShouldBe(10);

        var published = await tenant.Publish("points", 2, "Approved by marketing");
        published.Status().ShouldBe("active");
        published["publishNote"]!.GetValue<string>().ShouldBe("Approved by marketing");
        (await tenant.Versions("points")).StatusOf(1).ShouldBe("archived");
        await (await tenant.Client.PostJson(tenant.Url("rulesets/points/2/publish"), new { note = "again" })).ShouldBeProblem(HttpStatusCode.Conflict);

        var rolledBack = await (await tenant.Client.PostJson(tenant.Url("rulesets/points/1/rollback"), new { note = "Too generous" }))
            .ShouldHaveStatus(HttpStatusCode.OK);
        rolledBack.Number().ShouldBe(3);
        rolledBack["basedOnVersion"]!.GetValue<int>().ShouldBe(1);
        rolledBack["note"]!.GetValue<string>().ShouldBe("Rollback to version 1: Too generous");
        var versions = await tenant.Versions("points");
        versions.Select(v => $"{v!.Number()}:{v!.Status()}").ShouldBe(["3:active", "2:archived", "1:archived"]);
        var active = await (await tenant.Client.GetAsync(tenant.Url("rulesets/points/active"))).ShouldHaveStatus(HttpStatusCode.OK);
        active.Number().ShouldBe(3);
    }

    [Fact]
    public async Task CreateDraft_Returns400NamingRuleExpressionAndPath_WhenAnExpressionDoesNotCompile()
    {
        var tenant = await host.CreateTenantAsync();
        var response = await tenant.Client.PostJson(tenant.Url("rulesets/points"), new { workflow = PointsWorkflow("1", PointsRule("Typo", "order.Totl > 10", "5")) });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "$.Rules[1].Expression");
        var message = problem["errors"]!["$.Rules[1].Expression"]![0]!.GetValue<string>();
        message.ShouldContain("Typo");
        message.ShouldContain("order.Totl > 10");
        (await tenant.Versions("points")).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("DateTime.Now.Hour > 12")]
    [InlineData("order.GetType().Assembly != null")]
    public async Task CreateDraft_Returns400NamingTheRule_WhenAnExpressionLeavesTheSandbox(string expression)
    {
        var tenant = await host.CreateTenantAsync();
        var response = await tenant.Client.PostJson(tenant.Url("rulesets/points"), new { workflow = PointsWorkflow("1", PointsRule("Escape", expression, "1")) });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Single().Value![0]!.GetValue<string>().ShouldContain("Rule 'Escape'");
        (await tenant.Versions("points")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Validate_Returns200_WhenValid_And400WithoutSaving_WhenNot()
    {
        var tenant = await host.CreateTenantAsync();
        var valid = await (await tenant.Client.PostJson(tenant.Url("rulesets/points/validate"), new { workflow = PointsWorkflow("3") })).ShouldHaveStatus(HttpStatusCode.OK);
        valid["valid"]!.GetValue<bool>().ShouldBeTrue();
        await (await tenant.Client.PostJson(tenant.Url("rulesets/points/validate"), new { workflow = Workflow(new { WorkflowName = "points" }) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "$.Rules");
        (await tenant.Versions("points")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Simulate_RunsTheLastOrders_WithTheDifferencePerOrder()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("sim-1");
        foreach (var id in new[] { "sim-o1", "sim-o2", "sim-o3" }) await tenant.PlaceOrder(id, "sim-1");

        var report = await (await tenant.Client.PostJson(tenant.Url("rulesets/points/simulate"), new { workflow = PointsWorkflow("3"), lastOrders = 2 }))
            .ShouldHaveStatus(HttpStatusCode.OK);

        var cases = report["cases"]!.AsArray();
        cases.Count.ShouldBe(2);
        foreach (var result in cases)
        {
            var active = result!["active"]!["points"]!.GetValue<long>();
            active.ShouldBe(25); // two at 10 and one at 5
            result["draft"]!["points"]!.GetValue<long>().ShouldBe(75);
            result["difference"]!["pointsDelta"]!.GetValue<long>().ShouldBe(50);
        }
    }

    [Fact]
    public async Task Simulate_ShowsCommissionAndTierDifferences_ForGivenCases()
    {
        var tenant = await host.CreateTenantAsync();
        var richer = Workflow(new
        {
            WorkflowName = "commission",
            Rules = new[]
            {
                new { RuleName = "L1", Expression = "true", Properties = new { level = 1 }, Actions = new { OnSuccess = new { Name = "OutputExpression", Context = new { Expression = "0.15" } } } },
            },
        });
        var report = await (await tenant.Client.PostJson(tenant.Url("rulesets/commission/simulate"), new
        {
            workflow = richer,
            cases = new[] { new { name = "order", order = new { total = 200m, currency = "USD" }, kos = new { level = 1 }, upline = new { level = 2 } } },
        })).ShouldHaveStatus(HttpStatusCode.OK);

        var levels = report["cases"]![0]!["difference"]!["commission"]!.AsArray();
        levels.Select(l => (l!["level"]!.GetValue<int>(), l["active"]!.GetValue<decimal>(), l["draft"]!.GetValue<decimal>()))
            .ShouldBe([(1, 20m, 30m), (2, 6m, 0m)]);
    }

    [Fact]
    public async Task Publish_LeavesExactlyOneActive_WhenEightDraftsArePublishedAtOnce()
    {
        var tenant = await host.CreateTenantAsync();
        var drafts = new List<int>();
        for (var i = 2; i <= 9; i++) drafts.Add((await tenant.CreateDraft("points", PointsWorkflow(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Number());

        var responses = await Task.WhenAll(drafts.Select(v => tenant.Client.PostJson(tenant.Url($"rulesets/points/{v}/publish"), new { note = "race" })));

        // Each loser of a race switches again on top of the winner: all succeed, one after the other.
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var versions = await tenant.Versions("points");
        versions.Count(v => v!.Status() == "active").ShouldBe(1);
        versions.Count(v => v!.Status() == "archived").ShouldBe(8);
        var active = await (await tenant.Client.GetAsync(tenant.Url("rulesets/points/active"))).ShouldHaveStatus(HttpStatusCode.OK);
        drafts.ShouldContain(active.Number());
    }

    [Fact]
    public async Task Plugins_GateWhatRulesMayCall_AndCannotBeDisabledWhileAnActiveVersionUsesThem()
    {
        var tenant = await host.CreateTenantAsync();
        var weekend = PointsWorkflow("1", PointsRule("Weekend", "Calendar.IsWeekend(now)", "5"));
        await (await tenant.Client.PostJson(tenant.Url("rulesets/points"), new { workflow = weekend })).ShouldBeProblem(HttpStatusCode.BadRequest);

        var enabled = await (await tenant.Client.PutAsync(tenant.Url("plugins/calendar"), null)).ShouldHaveStatus(HttpStatusCode.OK);
        enabled["name"]!.GetValue<string>().ShouldBe("Calendar");
        enabled["enabled"]!.GetValue<bool>().ShouldBeTrue();
        var list = await (await tenant.Client.GetAsync(tenant.Url("plugins"))).ShouldHaveStatus(HttpStatusCode.OK);
        list.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["Calendar", "GroupBuy", "Streaks"]);

        var draft = await tenant.CreateDraft("points", weekend);
        await tenant.Publish("points", draft.Number());
        await (await tenant.Client.DeleteAsync(tenant.Url("plugins/Calendar"))).ShouldBeProblem(HttpStatusCode.Conflict);

        await (await tenant.Client.PostJson(tenant.Url("rulesets/points/1/rollback"), new { note = "No weekend promo" })).ShouldHaveStatus(HttpStatusCode.OK);
        var disabled = await (await tenant.Client.DeleteAsync(tenant.Url("plugins/Calendar"))).ShouldHaveStatus(HttpStatusCode.OK);
        disabled["enabled"]!.GetValue<bool>().ShouldBeFalse();
        await (await tenant.Client.PutAsync(tenant.Url("plugins/NoSuchPlugin"), null)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownKind_Returns404ProblemNamingIt()
    {
        var tenant = await host.CreateTenantAsync();
        var problem = await (await tenant.Client.GetAsync(tenant.Url("rulesets/bonus"))).ShouldBeProblem(HttpStatusCode.NotFound);
        problem["detail"]!.GetValue<string>().ShouldContain("'bonus'");
    }

    [Fact]
    public async Task Runtime_EvaluatesTheActiveVersion_AndRecordsVersionAndFiredRules()
    {
        var tenant = await host.CreateTenantAsync();
        var draft = await tenant.CreateDraft("points", PointsWorkflow("2"));
        await tenant.Publish("points", draft.Number());

        await using var root = host.Services.CreateAsyncScope();
        var info = await root.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdAsync(tenant.Id);
        await using var scope = host.Services.GetRequiredService<TenantScopeFactory>().CreateScope(info!);
        var runtime = scope.ServiceProvider.GetRequiredService<IRuleSetRuntime>();
        var order = new OrderFacts("ord_rt1", "rt-1", 12m, "USD", [], null, null, null, DateTimeOffset.UtcNow);
        var (result, record) = await runtime.EvaluatePointsAsync("order.paid", new RuleFacts(order), DateTimeOffset.UtcNow);

        record.Version.ShouldBe(draft.Number());
        record.VersionId.ShouldBe(draft["id"]!.GetValue<string>());
        record.FiredRules.ShouldHaveSingleItem().RuleName.ShouldBe("OrderPaid");
        result.TotalPoints.ShouldBe(24);
    }
}

public sealed class RuleSetTestsOnSqlite(SqliteHost host) : RuleSetTests<SqliteHost>(host);

public sealed class RuleSetTestsOnPostgres(PostgresHost host) : RuleSetTests<PostgresHost>(host);
