using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Api.Tests.Points;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Testing;
using static CommunitySaaS.Api.Tests.Infrastructure.RuleSetRequests;

namespace CommunitySaaS.Api.Tests.Tiers;

/// <summary>
/// The night's order (release pending → evaluate tiers → expire → evaluate tiers), its four steps run as the nightly
/// run calls them, at the member's re-evaluation date: points that qualified a member and expire that same night never
/// demote them, while a member whose qualifying points were refunded is re-evaluated down in the same night.
/// </summary>
public abstract class NightlyOrderTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Night_KeepsTheTier_WhenTheQualifyingPointsExpireTheSameNight()
    {
        var tenant = await host.CreateTenantAsync();
        await (await tenant.SavePolicy(new { expiryMode = "rollingMonths", expiryCount = 1, returnPolicy = "reverseWithinAvailable", pendingDelayDays = 0 }))
            .ShouldHaveStatus(HttpStatusCode.OK);
        await tenant.DefineTemplateTiers();
        await tenant.SetPolicy(reevaluationMonths: 1, graceDays: 0);
        await tenant.Publish("tiers", (await tenant.CreateDraft("tiers", Workflow(new
        {
            WorkflowName = "tiers",
            Rules = new[] { new { RuleName = "Silver", Expression = "stats.Points12m >= 100", Properties = new Dictionary<string, object> { ["tier"] = "Silver", ["priority"] = 1 } } },
        }))).Number());
        await tenant.UpsertMember("kept");
        await tenant.UpsertMember("refunded");
        foreach (var (order, member) in new[] { ("o-k", "kept"), ("o-r", "refunded") })
        {
            await (await tenant.Client.PostJson(tenant.Url("orders"), Storefront.Order(order, member, unitPrice: 60m))).ShouldHaveStatus(HttpStatusCode.Created);
            (await tenant.WaitForTier(member, "silver")).Code().ShouldBe("silver");
        }
        await (await tenant.Client.PostJson(tenant.Url("orders/o-r/refunds"), new { refundId = "r-1", amount = 125m })).ShouldHaveStatus(HttpStatusCode.Created);
        await tenant.WaitForPoints("refunded", p => p["lifetimeEarned"]!.GetValue<long>() == 0);

        host.Time().Advance(TimeSpan.FromDays(32));
        var night = host.Time().GetUtcNow();
        await host.WithAsync<PointsRelease, int>(tenant, r => r.RunAsync(night, CancellationToken.None));
        var before = await host.EvaluateAll(tenant, night);
        var expired = await host.WithAsync<PointsExpiry, int>(tenant, e => e.RunAsync(night, CancellationToken.None));
        var after = await host.EvaluateAll(tenant, night);

        expired.ShouldBeGreaterThan(0);
        var points = await tenant.Points("kept");
        points["expired"]!.GetValue<long>().ShouldBe(125);
        points["available"]!.GetValue<long>().ShouldBe(0);
        before.Changed.ShouldBe(1);
        after.Changed.ShouldBe(0);
        (await tenant.Tier("kept")).Code().ShouldBe("silver");
        (await tenant.History("kept")).Select(h => h!["reason"]!.GetValue<string>()).ShouldBe(["upgrade"]);
        (await tenant.History("refunded")).Select(h => h!["reason"]!.GetValue<string>()).ShouldNotBe(["upgrade"]);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }
}

public sealed class NightlyOrderTestsOnSqlite(FakeClockSqliteHost host) : NightlyOrderTests<FakeClockSqliteHost>(host);

public sealed class NightlyOrderTestsOnPostgres(FakeClockPostgresHost host) : NightlyOrderTests<FakeClockPostgresHost>(host);
