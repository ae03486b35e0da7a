using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Testing;
using static CommunitySaaS.Api.Tests.Infrastructure.RuleSetRequests;

namespace CommunitySaaS.Api.Tests.Points;

/// <summary>Order points from order.paid to refund: per line, pending until the return window, reversed exactly.</summary>
public abstract class OrderPointsTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    private static object OddOrder(string orderId) => new
    {
        orderId, memberExternalId = "m1", currency = "USD",
        lines = new[] { new { sku = "A", category = "c", quantity = 3, unitPrice = 3.33m }, new { sku = "B", category = "c", quantity = 1, unitPrice = 5m } },
    };

    [Fact]
    public async Task OrderPaid_EarnsPendingPointsPerLineWithTheirExplanation_AndAReplayWritesNothing()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-1", "m1");

        var points = await tenant.WaitForPoints("m1", p => p["pending"]!.GetValue<long>() > 0);
        points["pending"]!.GetValue<long>().ShouldBe(25);
        points["available"]!.GetValue<long>().ShouldBe(0);
        points["lifetimeEarned"]!.GetValue<long>().ShouldBe(25);
        var entries = await tenant.EntriesOf("m1");
        entries.Select(e => e!["points"]!.GetValue<long>()).Order().ShouldBe([5L, 20L]);
        foreach (var entry in entries)
        {
            entry!["kind"]!.GetValue<string>().ShouldBe("earn");
            entry["state"]!.GetValue<string>().ShouldBe("pending");
            entry["source"]!.GetValue<string>().ShouldBe("order");
            entry["rules"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["OrderPaid"]);
            entry["ruleSetVersion"]!.GetValue<int>().ShouldBe(1);
            entry["inputsHash"]!.GetValue<string>().Length.ShouldBe(64);
        }
        var paid = (await host.StoredAsync<OrderPaid>(tenant)).Single();
        entries[0]!["availableAt"]!.GetValue<DateTimeOffset>().ShouldBe(paid.ReturnWindowEndsAt, TimeSpan.FromMilliseconds(1));

        await host.RedeliverAsync(tenant, paid);
        await host.RedeliverAsync(tenant, paid);

        (await tenant.EntriesOf("m1")).Count.ShouldBe(2);
        (await host.StoredAsync<PointsEarned>(tenant)).Single().Points.ShouldBe(25);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task OrderPaid_WritesNothingAndThrows_WhenThePointsRulesFail()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.Publish("points", (await tenant.CreateDraft("points", Workflow(new
        {
            WorkflowName = "points",
            Rules = new[] { PointsRule("Broken", "true", "1 / (order.Total - order.Total)") },
        }))).Number());
        await tenant.PlaceOrder("o-1", "m1");
        var paid = (await host.StoredAsync<OrderPaid>(tenant)).Single();

        await Should.ThrowAsync<RuleEvaluationFailedException>(() => host.RedeliverAsync(tenant, paid));

        (await tenant.EntriesOf("m1")).ShouldBeEmpty();
        (await tenant.Points("m1"))["pending"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task Refund_ReversesALineRefundedTwiceOnce_WhenRefundsAreReplayedAndOutOfOrder()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-1", "m1");
        await tenant.WaitForPoints("m1", p => p["pending"]!.GetValue<long>() == 25);

        foreach (var id in new[] { "r-1", "r-2" })
        {
            await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = id, lines = new[] { new { lineNumber = 1, quantity = 1 } } }))
                .ShouldHaveStatus(HttpStatusCode.Created);
        }
        await tenant.WaitForPoints("m1", p => p["pending"]!.GetValue<long>() == 5);
        var refunds = await host.StoredAsync<OrderRefunded>(tenant);
        foreach (var refund in refunds.AsEnumerable().Reverse().Concat(refunds)) await host.RedeliverAsync(tenant, refund);

        var points = await tenant.Points("m1");
        points["pending"]!.GetValue<long>().ShouldBe(5);
        points["lifetimeEarned"]!.GetValue<long>().ShouldBe(5);
        (await tenant.EntriesOf("m1")).Where(e => e!["kind"]!.GetValue<string>() == "reverse").Sum(e => e!["points"]!.GetValue<long>()).ShouldBe(-20);
        (await host.StoredAsync<PointsReversed>(tenant)).Select(e => e.Points).ShouldBe([10L, 10L]);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Refund_ReversesExactlyTheLinesPoints_WhenRefundedInThirdsThatDoNotDivideEvenly()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Client.PostJson(tenant.Url("orders"), OddOrder("o-1"))).ShouldHaveStatus(HttpStatusCode.Created);
        // 14.99 paid: 14 points, split 9 / 5 by the lines' paid amounts (9.99 and 5.00).
        await tenant.WaitForPoints("m1", p => p["pending"]!.GetValue<long>() == 14);
        var line1 = (await tenant.EntriesOf("m1")).Single(e => e!["points"]!.GetValue<long>() == 9)!["id"]!.GetValue<string>();

        var after = new List<long>();
        for (var i = 1; i <= 3; i++)
        {
            await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = $"r-{i}", lines = new[] { new { lineNumber = 1, quantity = 1 } } }))
                .ShouldHaveStatus(HttpStatusCode.Created);
            var expected = 14 - 3 * i;
            after.Add((await tenant.WaitForPoints("m1", p => p["pending"]!.GetValue<long>() <= expected))["pending"]!.GetValue<long>());
        }

        after.ShouldBe([11L, 8L, 5L]);
        var entries = await tenant.EntriesOf("m1");
        entries.Where(e => e!["kind"]!.GetValue<string>() == "reverse").Sum(e => e!["points"]!.GetValue<long>()).ShouldBe(-9);
        entries.Single(e => e!["id"]!.GetValue<string>() == line1)!["state"]!.GetValue<string>().ShouldBe("void");
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Theory]
    [InlineData("reversePendingOnly", 5, 0)]
    [InlineData("reverseWithinAvailable", 0, 5)]
    [InlineData("reverseFully", -20, 25)]
    public async Task Refund_FollowsTheReturnPolicy_WhenThePointsWereAlreadySpent(string policy, long available, long reversed)
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.SavePolicy(new { expiryMode = "never", returnPolicy = policy, pendingDelayDays = 0 })).ShouldHaveStatus(HttpStatusCode.OK);
        await tenant.PlaceOrder("o-1", "m1");
        await tenant.WaitForPoints("m1", p => p["available"]!.GetValue<long>() == 25);
        var memberId = await host.MemberIdAsync(tenant, "m1");
        (await host.WithAsync<IPointsLedger, SpendResult>(tenant, l => l.SpendAsync(new PointsSpend(memberId, 20, PointsSource.Redemption, "red-1", "test"))))
            .Outcome.ShouldBe(SpendOutcome.Spent);

        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-1", amount = 25m })).ShouldHaveStatus(HttpStatusCode.Created);
        await WaitForRefundHandledAsync(tenant);

        var points = await tenant.Points("m1");
        points["available"]!.GetValue<long>().ShouldBe(available);
        points["lifetimeEarned"]!.GetValue<long>().ShouldBe(25 - reversed);
        var next = await host.WithAsync<IPointsLedger, SpendResult>(tenant, l => l.SpendAsync(new PointsSpend(memberId, 1, PointsSource.Redemption, "red-2", "test")));
        next.Outcome.ShouldBe(available switch { > 0 => SpendOutcome.Spent, 0 => SpendOutcome.InsufficientPoints, _ => SpendOutcome.BalanceNegative });
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Release_MakesPointsAvailableOnce_WhenTheReturnWindowHasPassedAndThreeNodesRun()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-1", "m1");
        await tenant.WaitForPoints("m1", p => p["pending"]!.GetValue<long>() == 25);
        var paid = (await host.StoredAsync<OrderPaid>(tenant)).Single();

        (await host.WithAsync<PointsRelease, int>(tenant, r => r.RunAsync(paid.ReturnWindowEndsAt.AddSeconds(-1), CancellationToken.None))).ShouldBe(0);
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.WithAsync<PointsRelease, int>(tenant, r => r.RunAsync(paid.ReturnWindowEndsAt, CancellationToken.None))));

        runs.Sum().ShouldBe(2);
        var points = await tenant.Points("m1");
        points["available"]!.GetValue<long>().ShouldBe(25);
        points["pending"]!.GetValue<long>().ShouldBe(0);
        (await tenant.EntriesOf("m1")).Where(e => e!["kind"]!.GetValue<string>() == "earn").ShouldAllBe(e => e!["state"]!.GetValue<string>() == "available");
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    private async Task WaitForRefundHandledAsync(TestTenant tenant)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await tenant.EntriesOf("m1")).Any(e => e!["kind"]!.GetValue<string>() == "reverse")) return;
            await Task.Delay(50);
        }
        throw new ShouldAssertException("The refund's reversal never arrived.");
    }
}

public sealed class OrderPointsTestsOnSqlite(SqliteHost host) : OrderPointsTests<SqliteHost>(host);

public sealed class OrderPointsTestsOnPostgres(PostgresHost host) : OrderPointsTests<PostgresHost>(host);
