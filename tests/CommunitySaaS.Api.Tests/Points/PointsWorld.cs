using System.Net;
using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Points;

/// <summary>Points scenarios in one line each: a tenant scope for the services, the member's summary, the ledger invariant.</summary>
public static class PointsWorld
{
    public static async Task<AsyncServiceScope> ScopeAsync(this TestHost host, TestTenant tenant)
    {
        await using var root = host.Services.CreateAsyncScope();
        var info = await root.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdAsync(tenant.Id);
        return host.Services.GetRequiredService<TenantScopeFactory>().CreateScope(info!);
    }

    public static async Task<T> WithAsync<TService, T>(this TestHost host, TestTenant tenant, Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = await host.ScopeAsync(tenant);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task<string> MemberIdAsync(this TestHost host, TestTenant tenant, string externalId)
    {
        await using var scope = await host.ScopeAsync(tenant);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Members.Where(m => m.ExternalId == externalId).Select(m => m.Id).SingleAsync();
    }

    public static async Task<JsonNode> Points(this TestTenant tenant, string externalId) =>
        (await (await tenant.Client.GetAsync(tenant.Url($"members/{externalId}/loyalty"))).ShouldHaveStatus(HttpStatusCode.OK))["points"]!;

    /// <summary>Waits for the outbox to deliver the order events to the points handlers.</summary>
    public static async Task<JsonNode> WaitForPoints(this TestTenant tenant, string externalId, Func<JsonNode, bool> until)
    {
        for (var i = 0; i < 200; i++)
        {
            var points = await tenant.Points(externalId);
            if (until(points)) return points;
            await Task.Delay(50);
        }
        throw new ShouldAssertException($"The points of {externalId} never got there: {(await tenant.Points(externalId)).ToJsonString()}");
    }

    public static async Task<JsonArray> EntriesOf(this TestTenant tenant, string externalId) =>
        (await (await tenant.Client.GetAsync(tenant.Url($"members/{externalId}/points/entries?limit=100"))).ShouldHaveStatus(HttpStatusCode.OK))["data"]!.AsArray();

    public static Task<HttpResponseMessage> Adjust(this TestTenant tenant, string externalId, long points, string key, string reason = "goodwill") =>
        tenant.Client.PostJson(tenant.Url($"members/{externalId}/points/adjustments"), new { points, reason }, key);

    public static Task<HttpResponseMessage> SavePolicy(this TestTenant tenant, object policy) =>
        tenant.Client.PutAsync(tenant.Url("settings/loyalty"), System.Net.Http.Json.JsonContent.Create(policy));

    /// <summary>
    /// The invariant a cached balance must keep: for every member of the brand, the account equals the sums of the
    /// entries, each kind counted as <see cref="PointsTotals"/> says, computed by the database.
    /// </summary>
    public static async Task AssertAccountsMatchLedgerAsync(this TestHost host, TestTenant tenant)
    {
        await using var scope = await host.ScopeAsync(tenant);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var accounts = await db.PointsAccounts.AsNoTracking().ToListAsync();
        var entries = await db.PointsEntries.AsNoTracking()
            .GroupBy(e => new { e.MemberId, e.Kind })
            .Select(g => new { g.Key.MemberId, g.Key.Kind, Available = g.Sum(e => e.AvailableDelta), Pending = g.Sum(e => e.PendingDelta) })
            .ToListAsync();
        foreach (var account in accounts)
        {
            var mine = entries.Where(e => e.MemberId == account.MemberId).ToList();
            var expected = new PointsBalance(
                mine.Sum(e => e.Available), mine.Sum(e => e.Pending),
                mine.Where(e => PointsTotals.CountsAsEarned(e.Kind)).Sum(e => e.Available + e.Pending),
                -mine.Where(e => PointsTotals.CountsAsRedeemed(e.Kind)).Sum(e => e.Available + e.Pending),
                -mine.Where(e => e.Kind == PointsEntryKind.Expire).Sum(e => e.Available + e.Pending));
            account.ToBalance().ShouldBe(expected, $"member {account.MemberId}");
        }
        entries.Select(e => e.MemberId).Distinct().ShouldBeSubsetOf(accounts.Select(a => a.MemberId));
    }
}

public static class StoredEvents
{
    /// <summary>The tenant's stored events of one type, as the handlers receive them.</summary>
    public static async Task<List<T>> StoredAsync<T>(this TestHost host, TestTenant tenant) where T : CommunitySaaS.Core.Events.DomainEvent
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var serializer = scope.ServiceProvider.GetRequiredService<CommunitySaaS.Core.Events.EventSerializer>();
        var rows = await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().Where(m => m.TenantId == tenant.Id).OrderBy(m => m.StoredAt).ToListAsync();
        return rows.Select(r => serializer.Deserialize(r.Payload)).OfType<T>().ToList();
    }

    /// <summary>Delivers an event to the points handler again, as a redelivery after a lost receipt would.</summary>
    public static async Task RedeliverAsync<T>(this TestHost host, TestTenant tenant, T domainEvent) where T : CommunitySaaS.Core.Events.DomainEvent
    {
        await using var scope = await host.ScopeAsync(tenant);
        var handler = scope.ServiceProvider.GetServices<CommunitySaaS.Core.Events.IDomainEventHandler<T>>()
            .Single(h => h.GetType().Namespace == typeof(PointsLedger).Namespace);
        await handler.HandleAsync(domainEvent, CancellationToken.None);
    }
}
