using System.Net;
using System.Net.Http.Json;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests;

public abstract class MemberTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Upsert_Creates201ThenUpdates200_KeepingUnsentFields()
    {
        var tenant = await host.CreateTenantAsync();
        var url = tenant.Url("members/u-1");
        var created = await (await tenant.Client.PutAsJsonAsync(url, new { name = "Ann", email = "ANN@Example.com", birthday = "1990-04-01", tags = new[] { "vip" } }))
            .ShouldHaveStatus(HttpStatusCode.Created);
        created["email"]!.GetValue<string>().ShouldBe("ann@example.com");
        var updated = await (await tenant.Client.PutAsJsonAsync(url, new { phone = "+15550001" })).ShouldHaveStatus(HttpStatusCode.OK);
        updated["id"]!.GetValue<string>().ShouldBe(created["id"]!.GetValue<string>());
        updated["name"]!.GetValue<string>().ShouldBe("Ann");
        updated["birthday"]!.GetValue<string>().ShouldBe("1990-04-01");
        updated["tags"]!.AsArray().Single()!.GetValue<string>().ShouldBe("vip");
    }

    [Fact]
    public async Task List_PagesWithCursor_WithoutRepeatsOrGaps()
    {
        var tenant = await host.CreateTenantAsync();
        for (var i = 0; i < 5; i++) await tenant.UpsertMember($"p-{i}");
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await (await tenant.Client.GetAsync(tenant.Url($"members?limit=2{(after is null ? "" : $"&after={after}")}"))).ShouldHaveStatus(HttpStatusCode.OK);
            seen.AddRange(page["data"]!.AsArray().Select(m => m!["externalId"]!.GetValue<string>()));
            after = page["hasMore"]!.GetValue<bool>() ? page["nextCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        seen.ShouldBe(["p-4", "p-3", "p-2", "p-1", "p-0"]);
    }

    [Fact]
    public async Task List_FindsMember_WhenSearchingByEmailOrPhone()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("s-1", new { name = "Zed Quill", email = "zed@example.com", phone = "+15559999" });
        await tenant.UpsertMember("s-2");
        foreach (var q in new[] { "zed@example.com", "%2B15559999", "Quill" })
        {
            var page = await (await tenant.Client.GetAsync(tenant.Url($"members?q={q}"))).ShouldHaveStatus(HttpStatusCode.OK);
            page["data"]!.AsArray().Select(m => m!["externalId"]!.GetValue<string>()).ShouldBe(["s-1"], q);
        }
    }

    [Fact]
    public async Task Get_Returns404Problem_WhenMemberIsUnknown()
    {
        var tenant = await host.CreateTenantAsync();
        await (await tenant.Client.GetAsync(tenant.Url("members/nobody"))).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_Returns400_WhenLimitIsOutOfRange()
    {
        var tenant = await host.CreateTenantAsync();
        await (await tenant.Client.GetAsync(tenant.Url("members?limit=1000"))).ShouldBeProblem(HttpStatusCode.BadRequest, "limit");
    }
}

public sealed class MemberTestsOnSqlite(SqliteHost host) : MemberTests<SqliteHost>(host);

public sealed class MemberTestsOnPostgres(PostgresHost host) : MemberTests<PostgresHost>(host);
