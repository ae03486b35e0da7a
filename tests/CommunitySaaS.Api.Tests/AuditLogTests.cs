using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.ApiKeys;
using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Communities;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests;

/// <summary>The audit log over the real pipeline: one event per change, who/what/where, no secrets, same transaction, append-only.</summary>
public abstract class AuditLogTests<THost>(THost host) : IClassFixture<THost> where THost : BehindProxyHost
{
    private const string ClientIp = "203.0.113.7";

    [Fact]
    public async Task ApiKeyCreate_WritesOneEventWithActorRequestAndAddress_AndNoSecret()
    {
        var (tenant, client) = await BrandAsync();

        var response = await client.PostJson(tenant.Url("api-keys"), new { name = "Checkout server", kind = "secret" });
        var created = await response.ShouldHaveStatus(HttpStatusCode.Created);
        var keyId = created["apiKey"]!["id"]!.GetValue<string>();
        var secret = created["secret"]!.GetValue<string>();

        var rows = await RowsAsync(tenant, keyId);
        var row = rows.ShouldHaveSingleItem();
        row.Action.ShouldBe("api_key.created");
        row.TargetType.ShouldBe("api_key");
        row.ActorType.ShouldBe(AuditActor.ApiKey);
        row.ActorId.ShouldStartWith("key_");
        row.ActorName.ShouldBe("Default secret key");
        row.RequestId.ShouldBe(response.Headers.GetValues("X-Request-Id").Single());
        row.IpAddress.ShouldBe(ClientIp);
        JsonNode.Parse(row.Changes!)!["name"]!["after"]!.GetValue<string>().ShouldBe("Checkout server");
        var stored = JsonSerializer.Serialize(rows);
        stored.ShouldNotContain(secret);
        stored.ShouldNotContain(ApiKeySecrets.Hash(secret));
        stored.ShouldNotContain("\"hash\"", Case.Insensitive);
    }

    [Fact]
    public async Task NamedActions_AreLoggedOnce_ForRevokeSettingsPublishRollbackAndPlugins()
    {
        var (tenant, client) = await BrandAsync();
        var key = await (await client.PostJson(tenant.Url("api-keys"), new { name = "Temp", kind = "secret" })).ShouldHaveStatus(HttpStatusCode.Created);
        var keyId = key["apiKey"]!["id"]!.GetValue<string>();

        await (await client.DeleteAsync(tenant.Url($"api-keys/{keyId}"))).ShouldHaveStatus(HttpStatusCode.OK);
        await (await client.PatchAsync(tenant.Url("settings"), JsonContent(new { name = "Renamed brand" }))).ShouldHaveStatus(HttpStatusCode.OK);
        var draft = await (tenant with { Client = client }).CreateDraft("points", RuleSetRequests.PointsWorkflow("2"));
        await (tenant with { Client = client }).Publish("points", draft.Number());
        await (await client.PostJson(tenant.Url("rulesets/points/1/rollback"), new { note = "back" })).ShouldHaveStatus(HttpStatusCode.OK);
        await (await client.PutAsync(tenant.Url("plugins/Calendar"), null)).ShouldHaveStatus(HttpStatusCode.OK);
        await (await client.DeleteAsync(tenant.Url("plugins/Calendar"))).ShouldHaveStatus(HttpStatusCode.OK);

        var all = await RowsAsync(tenant);
        all.Where(e => e.Action == "api_key.revoked").ShouldHaveSingleItem().TargetId.ShouldBe(keyId);
        var settings = all.Where(e => e.Action == "tenant.settings_changed").ShouldHaveSingleItem();
        JsonNode.Parse(settings.Changes!)!["name"]!["before"]!.GetValue<string>().ShouldBe($"Brand {tenant.Slug}");
        JsonNode.Parse(settings.Changes!)!["name"]!["after"]!.GetValue<string>().ShouldBe("Renamed brand");
        all.Count(e => e.Action == "rule_set.published").ShouldBe(1);
        JsonNode.Parse(all.Single(e => e.Action == "rule_set.rolled_back").Changes!)!["rolledBackTo"]!.GetValue<int>().ShouldBe(1);
        // A rollback also saves the copy it activates, as its own draft.
        all.Count(e => e.Action == "rule_set.draft_saved" && e.ActorType == AuditActor.ApiKey).ShouldBe(2);
        all.Where(e => e.Action == "plugin.enabled").ShouldHaveSingleItem();
        all.Where(e => e.Action == "plugin.disabled").ShouldHaveSingleItem();
        // Onboarding (the brand, its first key, its template rule sets) was the platform's; everything since, this key's.
        all.Where(e => e.ActorType == AuditActor.Platform).Select(e => e.Action).Distinct().Order()
            .ShouldBe(["api_key.created", "rule_set.draft_saved", "tenant.created"]);
        all.Where(e => e.ActorType != AuditActor.Platform).ShouldAllBe(e => e.ActorType == AuditActor.ApiKey && e.IpAddress == ClientIp && e.RequestId != null);
    }

    [Fact]
    public async Task PlatformSuspendAndActivate_LandInTheBrandsLog_AsThePlatform()
    {
        var (tenant, _) = await BrandAsync();
        using var platform = host.ClientFrom(ClientIp, key: TestHost.PlatformKey);

        await (await platform.PostAsync($"/api/v1/platform/tenants/{tenant.Slug}/suspend", null)).ShouldHaveStatus(HttpStatusCode.OK);
        await (await platform.PostAsync($"/api/v1/platform/tenants/{tenant.Slug}/activate", null)).ShouldHaveStatus(HttpStatusCode.OK);

        var rows = (await RowsAsync(tenant, tenant.Id)).OrderBy(e => e.Id).ToList();
        rows.Select(e => e.Action).ShouldBe(["tenant.created", "tenant.suspended", "tenant.activated"]);
        rows.ShouldAllBe(e => e.ActorType == AuditActor.Platform);
        JsonNode.Parse(rows[1].Changes!)!["status"]!["after"]!.GetValue<string>().ShouldBe("suspended");
        rows[1].IpAddress.ShouldBe(ClientIp);
    }

    [Fact]
    public async Task List_FiltersByActionTargetActorAndTime_NewestFirst_WithCursor()
    {
        var (tenant, client) = await BrandAsync();
        await (tenant with { Client = client }).UpsertMember("m-1");
        await (tenant with { Client = client }).UpsertMember("m-2");
        await (tenant with { Client = client }).UpsertMember("m-1", new { name = "Renamed" });

        var members = await (await client.GetAsync(tenant.Url("audit-events?action=member&limit=2"))).ShouldHaveStatus(HttpStatusCode.OK);
        var page = members["data"]!.AsArray();
        page.Select(e => e!["action"]!.GetValue<string>()).ShouldBe(["member.updated", "member.created"]);
        members["hasMore"]!.GetValue<bool>().ShouldBeTrue();
        var next = await (await client.GetAsync(tenant.Url($"audit-events?action=member&limit=2&after={Uri.EscapeDataString(members["nextCursor"]!.GetValue<string>())}")))
            .ShouldHaveStatus(HttpStatusCode.OK);
        next["data"]!.AsArray().Count.ShouldBe(1);

        var updated = page[0]!;
        updated["changes"]!["name"]!["after"]!.GetValue<string>().ShouldBe("Renamed");
        updated["actor"]!["type"]!.GetValue<string>().ShouldBe("api_key");
        var target = updated["target"]!["id"]!.GetValue<string>();
        var byTarget = await (await client.GetAsync(tenant.Url($"audit-events?target={target}"))).ShouldHaveStatus(HttpStatusCode.OK);
        byTarget["data"]!.AsArray().Count.ShouldBe(2);
        var actor = updated["actor"]!["id"]!.GetValue<string>();
        var byActor = await (await client.GetAsync(tenant.Url($"audit-events?actor={actor}&action=member.created"))).ShouldHaveStatus(HttpStatusCode.OK);
        byActor["data"]!.AsArray().Count.ShouldBe(2);
        var future = await (await client.GetAsync(tenant.Url($"audit-events?from={DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-dd}"))).ShouldHaveStatus(HttpStatusCode.OK);
        future["data"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("audit-events?from=yesterday", "from")]
    [InlineData("audit-events?to=2026-13-45", "to")]
    [InlineData("audit-events?from=2026-02-01&to=2026-01-01", "to")]
    [InlineData("audit-events?who=me", "who")]
    [InlineData("audit-events?action=DROP%20TABLE", "action")]
    public async Task List_Answers400NamingTheParameter_WhenInputIsBad(string query, string parameter)
    {
        var (tenant, client) = await BrandAsync();
        await (await client.GetAsync(tenant.Url(query))).ShouldBeProblem(HttpStatusCode.BadRequest, parameter);
    }

    [Fact]
    public async Task List_RefusesPublishableKeys()
    {
        var (tenant, client) = await BrandAsync();
        var pk = await (await client.PostJson(tenant.Url("api-keys"), new { name = "Storefront", kind = "publishable" })).ShouldHaveStatus(HttpStatusCode.Created);
        using var storefront = host.ClientWithKey(pk["secret"]!.GetValue<string>());
        await (await storefront.GetAsync(tenant.Url("audit-events"))).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task FailedSave_LeavesNoEvent_AndRolledBackTransaction_LeavesNoEvent()
    {
        var (tenant, _) = await BrandAsync();
        await using (var scope = await TenantScopeAsync(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The leader must be a member: the database refuses the community, and its event with it.
            db.Communities.Add(new Community { Name = "Orphan", LeaderMemberId = "mem_missing" });
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await using (var scope = await TenantScopeAsync(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Communities.Add(new Community { Name = "Abandoned" });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        (await RowsAsync(tenant)).Where(e => e.TargetType == "community").ShouldBeEmpty();
    }

    [Fact]
    public async Task AuditEvents_CannotBeUpdatedOrDeleted_ThroughSaveChangesOrSql()
    {
        var (tenant, client) = await BrandAsync();
        await (tenant with { Client = client }).UpsertMember("m-guard");
        await using var scope = await TenantScopeAsync(tenant);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.Set<AuditEvent>().FirstAsync();
        var original = row.ActorId;

        row.ActorId = "someone-else";
        (await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message.ShouldContain("append-only");
        db.ChangeTracker.Clear();
        db.Remove(await db.Set<AuditEvent>().FirstAsync(e => e.Id == row.Id));
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        (await Should.ThrowAsync<Exception>(() => db.Set<AuditEvent>().Where(e => e.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorId, "x"))))
            .ToString().ShouldContain(AuditTriggerSql.Refusal);
        (await Should.ThrowAsync<Exception>(() => db.Set<AuditEvent>().Where(e => e.Id == row.Id).ExecuteDeleteAsync()))
            .ToString().ShouldContain(AuditTriggerSql.Refusal);

        (await db.Set<AuditEvent>().AsNoTracking().SingleAsync(e => e.Id == row.Id)).ActorId.ShouldBe(original);
    }

    [Fact]
    public async Task ConcurrentChanges_AreEachLoggedOnce()
    {
        var (tenant, client) = await BrandAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            client.PutAsync(tenant.Url($"members/c-{i}"), JsonContent(new { name = $"Member {i}" }))));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
        var keys = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.PostJson(tenant.Url("api-keys"), new { name = $"k{i}", kind = "secret" })));
        foreach (var response in keys) await response.ShouldHaveStatus(HttpStatusCode.Created);

        var rows = await RowsAsync(tenant);
        var members = rows.Where(e => e.Action == "member.created").ToList();
        members.Count.ShouldBe(30);
        members.Select(e => e.TargetId).Distinct().Count().ShouldBe(30);
        members.Select(e => e.RequestId).Distinct().Count().ShouldBe(30);
        // The brand's first key was created by the platform when it onboarded the brand.
        rows.Count(e => e.Action == "api_key.created" && e.ActorType == AuditActor.ApiKey).ShouldBe(20);
        rows.Single(e => e.Action == "api_key.created" && e.ActorType == AuditActor.Platform).ActorName.ShouldBe("platform key");
    }

    private async Task<(TestTenant Tenant, HttpClient Client)> BrandAsync()
    {
        var tenant = await host.CreateTenantAsync();
        return (tenant, host.ClientFrom(ClientIp, key: tenant.SecretKey));
    }

    private async Task<AsyncServiceScope> TenantScopeAsync(TestTenant tenant)
    {
        var info = await host.Services.GetRequiredService<ITenantStore>().FindByIdAsync(tenant.Id) ?? throw new InvalidOperationException("No tenant.");
        return host.Services.GetRequiredService<TenantScopeFactory>().CreateScope(info);
    }

    private async Task<List<AuditEvent>> RowsAsync(TestTenant tenant, string? targetId = null)
    {
        await using var scope = await TenantScopeAsync(tenant);
        var rows = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEvent>().AsNoTracking();
        if (targetId is not null) rows = rows.Where(e => e.TargetId == targetId);
        return await rows.ToListAsync();
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}

public sealed class AuditSqliteHost() : BehindProxyHost(DatabaseProvider.Sqlite);

public sealed class AuditPostgresHost() : BehindProxyHost(DatabaseProvider.Postgres);

public sealed class AuditLogTestsOnSqlite(AuditSqliteHost host) : AuditLogTests<AuditSqliteHost>(host);

public sealed class AuditLogTestsOnPostgres(AuditPostgresHost host) : AuditLogTests<AuditPostgresHost>(host);
