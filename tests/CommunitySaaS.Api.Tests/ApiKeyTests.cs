using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests;

public abstract class ApiKeyTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task CreateKey_ShowsSecretOnce_AndListShowsOnlyHints()
    {
        var tenant = await host.CreateTenantAsync();
        var created = await (await tenant.Client.PostJson(tenant.Url("api-keys"), new { name = "POS", kind = "secret" })).ShouldHaveStatus(HttpStatusCode.Created);
        var secret = created["secret"]!.GetValue<string>();
        var list = await (await tenant.Client.GetAsync(tenant.Url("api-keys"))).ShouldHaveStatus(HttpStatusCode.OK);
        list.ToJsonString().ShouldNotContain(secret);
        list["data"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task RevokedKey_Gets401_AndLastUsedIsRecorded()
    {
        var tenant = await host.CreateTenantAsync();
        var created = await (await tenant.Client.PostJson(tenant.Url("api-keys"), new { name = "Temp", kind = "secret" })).ShouldHaveStatus(HttpStatusCode.Created);
        using var temp = host.ClientWithKey(created["secret"]!.GetValue<string>());
        await (await temp.GetAsync(tenant.Url("members"))).ShouldHaveStatus(HttpStatusCode.OK);

        var id = created["apiKey"]!["id"]!.GetValue<string>();
        var revoked = await (await tenant.Client.DeleteAsync(tenant.Url($"api-keys/{id}"))).ShouldHaveStatus(HttpStatusCode.OK);
        revoked["revokedAt"].ShouldNotBeNull();
        revoked["lastUsedAt"].ShouldNotBeNull();
        await (await temp.GetAsync(tenant.Url("members"))).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PublishableKey_ReadsCommunities_ButCannotReadMembersOrWrite()
    {
        var tenant = await host.CreateTenantAsync();
        var created = await (await tenant.Client.PostJson(tenant.Url("api-keys"), new { name = "Web", kind = "publishable" })).ShouldHaveStatus(HttpStatusCode.Created);
        var pk = created["secret"]!.GetValue<string>();
        pk.ShouldStartWith("pk_");
        using var storefront = host.ClientWithKey(pk);
        await (await storefront.GetAsync(tenant.Url("communities"))).ShouldHaveStatus(HttpStatusCode.OK);
        await (await storefront.GetAsync(tenant.Url("members"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await storefront.PostJson(tenant.Url("communities"), new { name = "X", kind = "onlineGroup" })).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnknownKey_Gets401Problem()
    {
        var tenant = await host.CreateTenantAsync();
        using var client = host.ClientWithKey("sk_" + new string('0', 48));
        await (await client.GetAsync(tenant.Url("members"))).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}

public sealed class ApiKeyTestsOnSqlite(SqliteHost host) : ApiKeyTests<SqliteHost>(host);

public sealed class ApiKeyTestsOnPostgres(PostgresHost host) : ApiKeyTests<PostgresHost>(host);
