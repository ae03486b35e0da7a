using System.Net;
using CommunitySaaS.Api.Idempotency;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Idempotency;
using CommunitySaaS.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests;

public abstract class IdempotencyTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task SameKeyAndBody_ReplaysFirstResponse_AndWritesOnce()
    {
        var tenant = await host.CreateTenantAsync();
        var body = new { name = "Once", kind = "onlineGroup" };
        var first = await tenant.Client.PostJson(tenant.Url("communities"), body, "key-1");
        var firstBody = await first.ShouldHaveStatus(HttpStatusCode.Created);
        var second = await tenant.Client.PostJson(tenant.Url("communities"), body, "key-1");
        var secondBody = await second.ShouldHaveStatus(HttpStatusCode.Created);
        second.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        secondBody["id"]!.GetValue<string>().ShouldBe(firstBody["id"]!.GetValue<string>());
        var list = await (await tenant.Client.GetAsync(tenant.Url("communities"))).ShouldHaveStatus(HttpStatusCode.OK);
        list["data"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Replay_KeepsTheLocationOfTheFirstAnswer_AndNotItsRequestId()
    {
        var tenant = await host.CreateTenantAsync();
        var body = new { name = "Located", kind = "onlineGroup" };
        var first = await tenant.Client.PostJson(tenant.Url("communities"), body, "key-location");
        var created = await first.ShouldHaveStatus(HttpStatusCode.Created);
        first.Headers.Location!.ToString().ShouldBe(tenant.Url($"communities/{created["id"]!.GetValue<string>()}"));

        var replay = await tenant.Client.PostJson(tenant.Url("communities"), body, "key-location");
        await replay.ShouldHaveStatus(HttpStatusCode.Created);
        replay.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        replay.Headers.Location.ShouldBe(first.Headers.Location);
        replay.Content.Headers.ContentType!.MediaType.ShouldBe(first.Content.Headers.ContentType!.MediaType);
        replay.Headers.GetValues("X-Request-Id").Single().ShouldNotBe(first.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task Replay_KeepsTheLocationOfTheFirstAnswer_ForAnOrder()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("idem-m1");
        var body = Storefront.Order("idem-order-1", "idem-m1");
        var first = await tenant.Client.PostJson(tenant.Url("orders"), body, "key-order");
        await first.ShouldHaveStatus(HttpStatusCode.Created);
        first.Headers.Location!.ToString().ShouldBe(tenant.Url("orders/idem-order-1"));

        // A second client is another connection: the replay comes from the stored record, not from anything in memory.
        using var other = host.ClientWithKey(tenant.SecretKey);
        var replay = await other.PostJson(tenant.Url("orders"), body, "key-order");
        await replay.ShouldHaveStatus(HttpStatusCode.Created);
        replay.Headers.Location.ShouldBe(first.Headers.Location);
    }

    [Fact]
    public async Task SameKeyOtherBody_Returns409_WithTheKeyReusedType()
    {
        var tenant = await host.CreateTenantAsync();
        await (await tenant.Client.PostJson(tenant.Url("communities"), new { name = "A", kind = "onlineGroup" }, "key-2")).ShouldHaveStatus(HttpStatusCode.Created);
        var problem = await (await tenant.Client.PostJson(tenant.Url("communities"), new { name = "B", kind = "onlineGroup" }, "key-2")).ShouldBeProblem(HttpStatusCode.Conflict);
        problem["type"]!.GetValue<string>().ShouldBe(IdempotencyProblems.KeyReused);
        var list = await (await tenant.Client.GetAsync(tenant.Url("communities"))).ShouldHaveStatus(HttpStatusCode.OK);
        list["data"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldBe(["A"]);
    }

    [Fact]
    public async Task KeyStillInFlight_Returns409_WithTheInFlightType_AndWritesNothing()
    {
        var tenant = await host.CreateTenantAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IdempotencyStore>();
            (await store.BeginAsync(tenant.Id, "key-3", "hash-of-a-running-request", CancellationToken.None)).Outcome.ShouldBe(IdempotencyOutcome.Proceed);
        }
        var problem = await (await tenant.Client.PostJson(tenant.Url("communities"), new { name = "A", kind = "onlineGroup" }, "key-3")).ShouldBeProblem(HttpStatusCode.Conflict);
        problem["type"]!.GetValue<string>().ShouldBe(IdempotencyProblems.InFlight);
        var list = await (await tenant.Client.GetAsync(tenant.Url("communities"))).ShouldHaveStatus(HttpStatusCode.OK);
        list["data"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task OverlongKey_Returns400()
    {
        var tenant = await host.CreateTenantAsync();
        await (await tenant.Client.PostJson(tenant.Url("communities"), new { name = "A", kind = "onlineGroup" }, new string('k', 256))).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SameKeyInAnotherTenant_IsIndependent()
    {
        var a = await host.CreateTenantAsync();
        var b = await host.CreateTenantAsync();
        var fromA = await (await a.Client.PostJson(a.Url("communities"), new { name = "Same", kind = "onlineGroup" }, "shared-key")).ShouldHaveStatus(HttpStatusCode.Created);
        var fromB = await b.Client.PostJson(b.Url("communities"), new { name = "Same", kind = "onlineGroup" }, "shared-key");
        fromB.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await fromB.ShouldHaveStatus(HttpStatusCode.Created))["id"]!.GetValue<string>().ShouldNotBe(fromA["id"]!.GetValue<string>());
    }
}

public sealed class IdempotencyTestsOnSqlite(SqliteHost host) : IdempotencyTests<SqliteHost>(host);

public sealed class IdempotencyTestsOnPostgres(PostgresHost host) : IdempotencyTests<PostgresHost>(host);
