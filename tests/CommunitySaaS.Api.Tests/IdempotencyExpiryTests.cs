using System.Net;
using CommunitySaaS.Api.Idempotency;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Idempotency;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests;

/// <summary>The time rules of <c>Idempotency-Key</c>, on a fake clock: moved, never waited for.</summary>
public abstract class IdempotencyExpiryTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    private static readonly object Community = new { name = "Timed", kind = "onlineGroup" };

    [Fact]
    public async Task InFlightKey_IsTakenOver_WhenItsRequestDiedOverAMinuteAgo()
    {
        var tenant = await host.CreateTenantAsync();
        await ClaimAsync(tenant.Id, "died");
        await (await tenant.Client.PostJson(tenant.Url("communities"), Community, "died")).ShouldBeProblem(HttpStatusCode.Conflict);

        host.Time().Advance(TimeSpan.FromSeconds(59));
        var stillRunning = await (await tenant.Client.PostJson(tenant.Url("communities"), Community, "died")).ShouldBeProblem(HttpStatusCode.Conflict);
        stillRunning["type"]!.GetValue<string>().ShouldBe(IdempotencyProblems.InFlight);

        host.Time().Advance(TimeSpan.FromSeconds(2));
        await (await tenant.Client.PostJson(tenant.Url("communities"), Community, "died")).ShouldHaveStatus(HttpStatusCode.Created);
        var list = await (await tenant.Client.GetAsync(tenant.Url("communities"))).ShouldHaveStatus(HttpStatusCode.OK);
        list["data"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Key_IsFreeForANewRequest_OnlyAfter24Hours()
    {
        var tenant = await host.CreateTenantAsync();
        await (await tenant.Client.PostJson(tenant.Url("communities"), new { name = "First", kind = "onlineGroup" }, "daily")).ShouldHaveStatus(HttpStatusCode.Created);

        host.Time().Advance(IdempotencyStore.Retention - TimeSpan.FromSeconds(1));
        var reused = await (await tenant.Client.PostJson(tenant.Url("communities"), new { name = "Second", kind = "onlineGroup" }, "daily")).ShouldBeProblem(HttpStatusCode.Conflict);
        reused["type"]!.GetValue<string>().ShouldBe(IdempotencyProblems.KeyReused);

        host.Time().Advance(TimeSpan.FromSeconds(2));
        var second = await tenant.Client.PostJson(tenant.Url("communities"), new { name = "Second", kind = "onlineGroup" }, "daily");
        await second.ShouldHaveStatus(HttpStatusCode.Created);
        second.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }

    [Fact]
    public async Task PurgeJob_DeletesOnlyRecordsPastTheirRetention()
    {
        var tenant = await host.CreateTenantAsync();
        await (await tenant.Client.PostJson(tenant.Url("communities"), Community, "old")).ShouldHaveStatus(HttpStatusCode.Created);
        host.Time().Advance(IdempotencyStore.Retention + TimeSpan.FromSeconds(1));
        await (await tenant.Client.PostJson(tenant.Url("communities"), Community, "young")).ShouldHaveStatus(HttpStatusCode.Created);

        await using var scope = host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PurgeExpiredAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var kept = await db.IdempotencyRecords.Where(r => r.Scope == tenant.Id).Select(r => r.Key).ToListAsync();
        kept.ShouldBe(["young"]);
    }

    private async Task ClaimAsync(string tenantId, string key)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdempotencyStore>();
        (await store.BeginAsync(tenantId, key, "hash-of-a-request-that-died", CancellationToken.None)).Outcome.ShouldBe(IdempotencyOutcome.Proceed);
    }
}

public sealed class IdempotencyExpiryTestsOnSqlite(FakeClockSqliteHost host) : IdempotencyExpiryTests<FakeClockSqliteHost>(host);

public sealed class IdempotencyExpiryTestsOnPostgres(FakeClockPostgresHost host) : IdempotencyExpiryTests<FakeClockPostgresHost>(host);
