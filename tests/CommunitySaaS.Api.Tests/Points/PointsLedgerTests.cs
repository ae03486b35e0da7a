using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Points;

/// <summary>The spend seam rewards use, attacked the way a retry storm or a greedy member would.</summary>
public abstract class PointsLedgerTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Spend_NeverOverdraws_WhenFiftySpendsByOneMemberArriveAtOnce()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Adjust("m1", 100, "k-100")).ShouldHaveStatus(HttpStatusCode.Created);
        var memberId = await host.MemberIdAsync(tenant, "m1");

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => host.WithAsync<IPointsLedger, SpendResult>(tenant,
            ledger => ledger.SpendAsync(new PointsSpend(memberId, 7, PointsSource.Redemption, $"red-{i}", "test")))));

        results.Count(r => r.Outcome == SpendOutcome.Spent).ShouldBe(14);
        results.Count(r => r.Outcome == SpendOutcome.InsufficientPoints).ShouldBe(36);
        var balance = await host.WithAsync<IPointsLedger, PointsBalance>(tenant, l => l.GetBalanceAsync(memberId));
        balance.Available.ShouldBe(2);
        balance.LifetimeRedeemed.ShouldBe(98);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Spend_WritesOnce_WhenTheSameRedemptionIsRetriedTwentyTimesAtOnce()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Adjust("m1", 30, "k-30")).ShouldHaveStatus(HttpStatusCode.Created);
        var memberId = await host.MemberIdAsync(tenant, "m1");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.WithAsync<IPointsLedger, SpendResult>(tenant,
            ledger => ledger.SpendAsync(new PointsSpend(memberId, 30, PointsSource.Redemption, "red-same", "test")))));

        results.Count(r => r.Outcome == SpendOutcome.Spent).ShouldBe(1);
        results.Count(r => r.Outcome == SpendOutcome.AlreadySpent).ShouldBe(19);
        results.Where(r => r.Outcome == SpendOutcome.AlreadySpent).ShouldAllBe(r => r.Entries.Sum(e => e.AvailableDelta) == -30);
        (await tenant.Points("m1"))["available"]!.GetValue<long>().ShouldBe(0);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Spend_TakesTheSoonestExpiringPointsFirst_WhenLotsExpireInAnotherOrderThanEarned()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.SavePolicy(new { expiryMode = "rollingMonths", expiryCount = 12, returnPolicy = "reverseWithinAvailable" })).ShouldHaveStatus(HttpStatusCode.OK);
        await (await tenant.Adjust("m1", 50, "k-late")).ShouldHaveStatus(HttpStatusCode.Created);
        await (await tenant.SavePolicy(new { expiryMode = "rollingMonths", expiryCount = 1, returnPolicy = "reverseWithinAvailable" })).ShouldHaveStatus(HttpStatusCode.OK);
        await (await tenant.Adjust("m1", 30, "k-soon")).ShouldHaveStatus(HttpStatusCode.Created);
        var memberId = await host.MemberIdAsync(tenant, "m1");

        var spent = await host.WithAsync<IPointsLedger, SpendResult>(tenant, l => l.SpendAsync(new PointsSpend(memberId, 40, PointsSource.Redemption, "red-1", "test")));

        spent.Outcome.ShouldBe(SpendOutcome.Spent);
        spent.Entries.Select(e => -e.AvailableDelta).ShouldBe([30L, 10L]);
        var soon = (await tenant.EntriesOf("m1")).Single(e => e!["reason"]?.GetValue<string>() == "goodwill" && e["points"]!.GetValue<long>() == 30)!;
        spent.Entries[0].LotId.ShouldBe(soon["id"]!.GetValue<string>());
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task ReturnSpend_GivesThePointsBackOnce_WhenCancelledTwiceAtOnce()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await (await tenant.Adjust("m1", 40, "k-40")).ShouldHaveStatus(HttpStatusCode.Created);
        var memberId = await host.MemberIdAsync(tenant, "m1");
        await host.WithAsync<IPointsLedger, SpendResult>(tenant, l => l.SpendAsync(new PointsSpend(memberId, 25, PointsSource.Redemption, "red-1", "test")));

        var returned = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.WithAsync<IPointsLedger, IReadOnlyList<PointsEntry>>(tenant,
            l => l.ReturnSpendAsync(PointsSource.Redemption, "red-1", "test", "cancelled"))));

        returned.ShouldAllBe(r => r.Sum(e => e.AvailableDelta) == 25);
        var points = await tenant.Points("m1");
        points["available"]!.GetValue<long>().ShouldBe(40);
        points["lifetimeRedeemed"]!.GetValue<long>().ShouldBe(0);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Expiry_ExpiresWhatIsLeftOnce_WhenRunTwiceAndOnTwoNodesAtOnce()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.UpsertMember("m2");
        await (await tenant.SavePolicy(new { expiryMode = "rollingMonths", expiryCount = 1, returnPolicy = "reverseWithinAvailable" })).ShouldHaveStatus(HttpStatusCode.OK);
        await (await tenant.Adjust("m1", 50, "k-1")).ShouldHaveStatus(HttpStatusCode.Created);
        await (await tenant.Adjust("m2", 20, "k-2")).ShouldHaveStatus(HttpStatusCode.Created);
        var memberId = await host.MemberIdAsync(tenant, "m1");
        await host.WithAsync<IPointsLedger, SpendResult>(tenant, l => l.SpendAsync(new PointsSpend(memberId, 15, PointsSource.Redemption, "red-1", "test")));
        var expiring = await (await tenant.Client.GetAsync(tenant.Url("points/expiring?days=40"))).ShouldHaveStatus(HttpStatusCode.OK);
        expiring["data"]!.AsArray().Select(m => (m!["externalId"]!.GetValue<string>(), m["points"]!.GetValue<long>())).Order().ShouldBe([("m1", 35L), ("m2", 20L)]);
        var cutoff = DateTimeOffset.UtcNow.AddMonths(1).AddDays(2);

        var early = await host.WithAsync<PointsExpiry, int>(tenant, e => e.RunAsync(DateTimeOffset.UtcNow, CancellationToken.None));
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.WithAsync<PointsExpiry, int>(tenant, e => e.RunAsync(cutoff, CancellationToken.None))));
        var again = await host.WithAsync<PointsExpiry, int>(tenant, e => e.RunAsync(cutoff, CancellationToken.None));

        early.ShouldBe(0);
        runs.Sum().ShouldBe(2);
        again.ShouldBe(0);
        var m1 = await tenant.Points("m1");
        m1["available"]!.GetValue<long>().ShouldBe(0);
        m1["expired"]!.GetValue<long>().ShouldBe(35);
        (await tenant.Points("m2"))["expired"]!.GetValue<long>().ShouldBe(20);
        var expired = await host.StoredAsync<PointsExpired>(tenant);
        expired.Select(e => e.Points).Order().ShouldBe([20L, 35L]);
        expired.ShouldAllBe(e => e.Sequence == 2);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Adjustment_IsRefusedWithProblems_WhenReasonKeyOrBalanceIsMissing()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");

        await (await tenant.Client.PostJson(tenant.Url("members/m1/points/adjustments"), new { points = 10 }, "k-1")).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        await (await tenant.Client.PostJson(tenant.Url("members/m1/points/adjustments"), new { points = 0, reason = "x" }, "k-2")).ShouldBeProblem(HttpStatusCode.BadRequest, "points");
        await (await tenant.Client.PostJson(tenant.Url("members/m1/points/adjustments"), new { points = 10, reason = "x" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await tenant.Adjust("m1", -5, "k-3")).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await tenant.Adjust("nobody", 5, "k-4")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await tenant.SavePolicy(new { expiryMode = "rollingMonths", returnPolicy = "reverseFully" })).ShouldBeProblem(HttpStatusCode.BadRequest, "expiryCount");
        await (await tenant.SavePolicy(new { expiryMode = "sometimes", returnPolicy = "reverseFully" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await tenant.Points("m1"))["available"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task Adjustment_WritesOnceAndPublishesAnEvent_WhenRetriedWithTheSameKey()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => tenant.Adjust("m1", 12, "k-same")));

        responses.ShouldContain(r => r.StatusCode == HttpStatusCode.Created);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        (await tenant.Points("m1"))["available"]!.GetValue<long>().ShouldBe(12);
        var entry = (await tenant.EntriesOf("m1")).Single()!;
        entry["kind"]!.GetValue<string>().ShouldBe("adjust");
        entry["reason"]!.GetValue<string>().ShouldBe("goodwill");
        entry["actor"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        (await host.StoredAsync<PointsAdjusted>(tenant)).Single().Sequence.ShouldBe(1);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }
}

public sealed class PointsLedgerTestsOnSqlite(SqliteHost host) : PointsLedgerTests<SqliteHost>(host);

public sealed class PointsLedgerTestsOnPostgres(PostgresHost host) : PointsLedgerTests<PostgresHost>(host);
