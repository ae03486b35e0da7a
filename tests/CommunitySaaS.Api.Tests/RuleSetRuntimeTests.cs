using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CommunitySaaS.Api.Tests.Infrastructure.RuleSetRequests;

namespace CommunitySaaS.Api.Tests;

/// <summary>The runtime handlers call: pinned to the version active at the event's recorded time, failing closed for money.</summary>
public abstract class RuleSetRuntimeTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    private static readonly DateTimeOffset PaidAt = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static RuleFacts Order(decimal total) => new(new OrderFacts("ord_rt", "rt-1", total, "USD", [], null, null, null, PaidAt));

    [Fact]
    public async Task EvaluatePoints_UsesTheVersionActiveAtTheEventsTime_WhenNewerVersionsWerePublishedSince()
    {
        var tenant = await host.CreateTenantAsync();
        var v1Id = (await tenant.Versions("points")).Single()!["id"]!.GetValue<string>();
        var recordedAt = DateTimeOffset.UtcNow;
        // Evaluated once before the publish, so the timeline is cached: the publish must not be hidden by it.
        (await EvaluateAsync(tenant, recordedAt)).Record.Version.ShouldBe(1);
        await Task.Delay(5);

        var v2 = await tenant.Publish("points", (await tenant.CreateDraft("points", PointsWorkflow("2"))).Number());
        var betweenPublishes = DateTimeOffset.UtcNow;
        await Task.Delay(5);
        var v3 = await (await tenant.Client.PostJson(tenant.Url("rulesets/points/1/rollback"), new { note = "too generous" })).ShouldHaveStatus(HttpStatusCode.OK);

        var atEvent = await EvaluateAsync(tenant, recordedAt);
        atEvent.Record.Version.ShouldBe(1);
        atEvent.Record.VersionId.ShouldBe(v1Id);
        atEvent.Result.TotalPoints.ShouldBe(12);
        (await EvaluateAsync(tenant, betweenPublishes)).Result.TotalPoints.ShouldBe(24);
        (await EvaluateAsync(tenant, v2["publishedAt"]!.GetValue<DateTimeOffset>())).Record.Version.ShouldBe(2);
        var now = await EvaluateAsync(tenant, DateTimeOffset.UtcNow);
        now.Record.Version.ShouldBe(v3.Number());
        now.Result.TotalPoints.ShouldBe(12);
    }

    [Fact]
    public async Task EvaluatePoints_Throws_WhenNoVersionWasActiveAtTheEventsTime()
    {
        var tenant = await host.CreateTenantAsync();

        var failure = await Should.ThrowAsync<RuleEvaluationFailedException>(() => EvaluateAsync(tenant, DateTimeOffset.UtcNow.AddDays(-1)));

        failure.VersionId.ShouldBeNull();
        failure.Message.ShouldContain("no version was active");
    }

    [Fact]
    public async Task EvaluatePoints_ThrowsNamingTheRule_WhenARuleThrows()
    {
        var tenant = await host.CreateTenantAsync();
        await PublishPointsAsync(tenant, PointsWorkflow("1", PointsRule("Broken", "order.Total / (order.Total - order.Total) > 1", "5")));

        var failure = await Should.ThrowAsync<RuleEvaluationFailedException>(() => EvaluateAsync(tenant, DateTimeOffset.UtcNow));

        failure.Failures.ShouldHaveSingleItem().RuleName.ShouldBe("Broken");
        failure.Message.ShouldContain("Rule 'Broken'");
        failure.Version.ShouldBe(2);
    }

    [Theory]
    [InlineData("9000000000000000000", 2, null)] // each fits a long, their sum does not
    [InlineData("order.Total * 1000000000000000000", 1, null)] // one output past a long
    [InlineData("order.Total * 7000000000000000000 * 7000000000000000000 * 7000000000000000000", 1, null)] // the rule's own arithmetic overflows
    [InlineData("9000000000000000000", 1, "order.Total * 1000000000000000000")] // points times multiplier overflows a decimal
    public async Task EvaluatePoints_ThrowsInsteadOfClamping_WhenThePointsOverflow(string output, int copies, string? multiplier)
    {
        var tenant = await host.CreateTenantAsync();
        var extra = Enumerable.Range(1, copies).Select(i => PointsRule($"Huge{i}", "true", output)).ToList();
        if (multiplier is not null) extra.Add(MultiplierRule("Boost", multiplier));
        await PublishPointsAsync(tenant, PointsWorkflow("1", [.. extra]));

        var failure = await Should.ThrowAsync<RuleEvaluationFailedException>(() => EvaluateAsync(tenant, DateTimeOffset.UtcNow));

        failure.Kind.ShouldBe(CommunitySaaS.Rules.RuleSetKind.Points);
        failure.Version.ShouldBe(2);
    }

    private static object MultiplierRule(string name, string output) => new
    {
        RuleName = name,
        Expression = "true",
        Properties = new Dictionary<string, object> { ["event"] = "order.paid", ["multiplier"] = true },
        Actions = new { OnSuccess = new { Name = "OutputExpression", Context = new { Expression = output } } },
    };

    [Fact]
    public async Task EvaluatePoints_KeepsTheMissingInputAsBenign_WhenARuleReadsAnInputTheEventDoesNotHave()
    {
        var tenant = await host.CreateTenantAsync();
        await PublishPointsAsync(tenant, PointsWorkflow("1", PointsRule("GoldBonus", "member.Tier == \"Gold\"", "100")));

        var (result, record) = await EvaluateAsync(tenant, DateTimeOffset.UtcNow);

        result.TotalPoints.ShouldBe(12);
        record.Failures.ShouldHaveSingleItem().RuleName.ShouldBe("GoldBonus");
        record.FiredRules.ShouldHaveSingleItem().RuleName.ShouldBe("OrderPaid");
    }

    [Fact]
    public async Task EvaluatePoints_KeepsTheMissingValueAsBenign_WhenARuleReadsABirthdayTheMemberHasNot()
    {
        var tenant = await host.CreateTenantAsync();
        await PublishPointsAsync(tenant, PointsWorkflow("1", PointsRule("BirthdayMonth", "member.Birthday.Value.Month == now.Month", "100")));
        var withoutBirthday = Order(12m) with { Member = new MemberFacts("mem_rt", "m-1", null, null, PaidAt, [], []) };

        var (result, record) = await EvaluateAsync(tenant, DateTimeOffset.UtcNow, withoutBirthday);

        result.TotalPoints.ShouldBe(12);
        record.Failures.ShouldHaveSingleItem().RuleName.ShouldBe("BirthdayMonth");
    }

    [Fact]
    public async Task Record_KeepsNowAndACanonicalInputsHash_ThatOnlyTheFactsChange()
    {
        var tenant = await host.CreateTenantAsync();
        var at = DateTimeOffset.UtcNow;

        var first = (await EvaluateAsync(tenant, at, Order(12m))).Record;
        var sameAmount = (await EvaluateAsync(tenant, at, Order(12.000m))).Record;
        var otherAmount = (await EvaluateAsync(tenant, at, Order(13m))).Record;
        var otherTime = (await EvaluateAsync(tenant, at.AddMilliseconds(1), Order(12m))).Record;

        first.Now.ShouldBe(at);
        first.InputsHash.ShouldMatch("^[0-9a-f]{64}$");
        sameAmount.InputsHash.ShouldBe(first.InputsHash);
        otherAmount.InputsHash.ShouldNotBe(first.InputsHash);
        otherTime.InputsHash.ShouldNotBe(first.InputsHash);
    }

    [Fact]
    public async Task EvaluateCommission_RecordsTheDecidingRulePerLevel()
    {
        var tenant = await host.CreateTenantAsync();
        var kos = new KosFacts("kos_1", 1, null, null, DateTimeOffset.UtcNow, 0m);
        var facts = Order(200m) with { Attribution = new AttributionFacts(kos, kos with { KosId = "kos_2", Level = 2 }) };

        var (result, record) = await AsTenantAsync(tenant, runtime => runtime.EvaluateCommissionAsync(facts, DateTimeOffset.UtcNow));

        result.Levels.Select(l => (l.Level, l.Amount)).ShouldBe([(1, 20m), (2, 6m)]);
        record.ForLevel(1).FiredRules.ShouldHaveSingleItem().Level.ShouldBe(1);
        record.ForLevel(2).FiredRules.ShouldHaveSingleItem().Output.ShouldBe(0.03m);
    }

    [Fact]
    public async Task Reads_WriteNothing_WhenABrandHasNoVersions()
    {
        var tenant = await host.CreateTenantAsync();
        await using (var scope = await TenantScopeAsync(tenant))
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().RuleSetVersions.ExecuteDeleteAsync();
        }

        await (await tenant.Client.GetAsync(tenant.Url("rulesets/points/active"))).ShouldBeProblem(HttpStatusCode.NotFound);
        (await tenant.Versions("tiers")).ShouldBeEmpty();
        await using var check = await TenantScopeAsync(tenant);
        (await check.ServiceProvider.GetRequiredService<AppDbContext>().RuleSetVersions.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task BackfillSql_SeedsTemplatesInForceFromTheBrandsCreation_WhenABrandHasNoVersions()
    {
        var tenant = await host.CreateTenantAsync();
        await using (var scope = await TenantScopeAsync(tenant))
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().RuleSetVersions.ExecuteDeleteAsync();
        }
        var statements = host.Provider == DatabaseProvider.Postgres ? RuleSetBackfillMigrationSql.Postgres() : RuleSetBackfillMigrationSql.Sqlite();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var statement in statements)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = statement;
                await command.ExecuteNonQueryAsync();
            }
        }

        (await tenant.Versions("points")).Single()!.Status().ShouldBe("active");
        (await tenant.Versions("commission")).Single()!["publishedBy"]!.GetValue<string>().ShouldBe(RuleSetTemplateSeeder.Actor);
        // In force from the brand's creation: an event recorded a moment after it is evaluated with the template.
        var createdAt = (await (await host.PlatformClient().GetAsync("/api/v1/platform/tenants?limit=100")).ShouldHaveStatus(HttpStatusCode.OK))["data"]!
            .AsArray().Single(t => t!["id"]!.GetValue<string>() == tenant.Id)!["createdAt"]!.GetValue<DateTimeOffset>();
        (await EvaluateAsync(tenant, createdAt.AddMilliseconds(1))).Result.TotalPoints.ShouldBe(12);
    }

    private async Task PublishPointsAsync(TestTenant tenant, object workflow) =>
        await tenant.Publish("points", (await tenant.CreateDraft("points", workflow)).Number());

    private Task<RuleSetEvaluation<CommunitySaaS.Rules.PointsEvaluation>> EvaluateAsync(TestTenant tenant, DateTimeOffset asOf, RuleFacts? facts = null) =>
        AsTenantAsync(tenant, runtime => runtime.EvaluatePointsAsync("order.paid", facts ?? Order(12m), asOf));

    private async Task<T> AsTenantAsync<T>(TestTenant tenant, Func<IRuleSetRuntime, Task<T>> work)
    {
        await using var scope = await TenantScopeAsync(tenant);
        return await work(scope.ServiceProvider.GetRequiredService<IRuleSetRuntime>());
    }

    private async Task<AsyncServiceScope> TenantScopeAsync(TestTenant tenant)
    {
        await using var root = host.Services.CreateAsyncScope();
        var info = await root.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdAsync(tenant.Id);
        return host.Services.GetRequiredService<TenantScopeFactory>().CreateScope(info!);
    }
}

public sealed class RuleSetRuntimeTestsOnSqlite(SqliteHost host) : RuleSetRuntimeTests<SqliteHost>(host);

public sealed class RuleSetRuntimeTestsOnPostgres(PostgresHost host) : RuleSetRuntimeTests<PostgresHost>(host);
