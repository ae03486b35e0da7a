using System.Net;
using System.Net.Http.Json;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests;

public abstract class CommunityTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task CreateStore_Returns400_WhenAddressIsMissing()
    {
        var tenant = await host.CreateTenantAsync();
        await (await tenant.Client.PostJson(tenant.Url("communities"), new { name = "Shop", kind = "offlineStore" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "address");
    }

    [Fact]
    public async Task CreateStore_WithLeader_MakesLeaderAMember()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("lead");
        var store = await (await tenant.Client.PostJson(tenant.Url("communities"), new
        {
            name = "Flagship", kind = "offlineStore", leaderExternalId = "lead",
            address = new { line = "1 Main St", city = "Springfield", country = "US" },
        })).ShouldHaveStatus(HttpStatusCode.Created);
        store["memberCount"]!.GetValue<int>().ShouldBe(1);
        store["leaderExternalId"]!.GetValue<string>().ShouldBe("lead");
        store["address"]!["city"]!.GetValue<string>().ShouldBe("Springfield");
    }

    [Fact]
    public async Task JoinAndLeave_TrackMembership_AndLeaderCannotLeave()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("lead");
        await tenant.UpsertMember("fan");
        var id = (await tenant.CreateCommunity("Tea club", "lead"))["id"]!.GetValue<string>();
        await (await tenant.Client.PostJson(tenant.Url($"communities/{id}/members"), new { memberExternalId = "fan" })).ShouldHaveStatus(HttpStatusCode.Created);
        await (await tenant.Client.PostJson(tenant.Url($"communities/{id}/members"), new { memberExternalId = "fan" })).ShouldHaveStatus(HttpStatusCode.OK);

        var members = await (await tenant.Client.GetAsync(tenant.Url($"communities/{id}/members"))).ShouldHaveStatus(HttpStatusCode.OK);
        members["data"]!.AsArray().Count.ShouldBe(2);
        var member = await (await tenant.Client.GetAsync(tenant.Url("members/fan"))).ShouldHaveStatus(HttpStatusCode.OK);
        member["communities"]!.AsArray().Single()!["communityId"]!.GetValue<string>().ShouldBe(id);

        await (await tenant.Client.DeleteAsync(tenant.Url($"communities/{id}/members/lead"))).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await tenant.Client.DeleteAsync(tenant.Url($"communities/{id}/members/fan"))).ShouldHaveStatus(HttpStatusCode.OK);
        await (await tenant.Client.DeleteAsync(tenant.Url($"communities/{id}/members/fan"))).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_RenamesAndChangesLeader_WhenLeaderExists()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("a");
        await tenant.UpsertMember("b");
        var id = (await tenant.CreateCommunity("Old", "a"))["id"]!.GetValue<string>();
        var updated = await (await tenant.Client.PutAsJsonAsync(tenant.Url($"communities/{id}"), new { name = "New", kind = "onlineGroup", leaderExternalId = "b" }))
            .ShouldHaveStatus(HttpStatusCode.OK);
        updated["name"]!.GetValue<string>().ShouldBe("New");
        updated["leaderExternalId"]!.GetValue<string>().ShouldBe("b");
        await (await tenant.Client.PutAsJsonAsync(tenant.Url($"communities/{id}"), new { name = "New", kind = "onlineGroup", leaderExternalId = "ghost" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "leaderExternalId");
    }

    [Fact]
    public async Task List_FiltersByKind_AndRejectsUnknownKind()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.CreateCommunity("Online one");
        var page = await (await tenant.Client.GetAsync(tenant.Url("communities?kind=offlineStore"))).ShouldHaveStatus(HttpStatusCode.OK);
        page["data"]!.AsArray().Count.ShouldBe(0);
        page = await (await tenant.Client.GetAsync(tenant.Url("communities?kind=onlineGroup"))).ShouldHaveStatus(HttpStatusCode.OK);
        page["data"]!.AsArray().Count.ShouldBe(1);
        await (await tenant.Client.GetAsync(tenant.Url("communities?kind=spaceship"))).ShouldBeProblem(HttpStatusCode.BadRequest, "kind");
    }
}

public sealed class CommunityTestsOnSqlite(SqliteHost host) : CommunityTests<SqliteHost>(host);

public sealed class CommunityTestsOnPostgres(PostgresHost host) : CommunityTests<PostgresHost>(host);
