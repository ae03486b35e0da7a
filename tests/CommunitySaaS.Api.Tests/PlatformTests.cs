using System.Net;
using System.Net.Http.Json;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests;

public abstract class PlatformTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task CreateTenant_ReturnsWorkingSecretKey_WhenPlatformKeyIsUsed()
    {
        var tenant = await host.CreateTenantAsync();
        tenant.SecretKey.ShouldStartWith("sk_");
        var settings = await (await tenant.Client.GetAsync(tenant.Url("settings"))).ShouldHaveStatus(HttpStatusCode.OK);
        settings["slug"]!.GetValue<string>().ShouldBe(tenant.Slug);
        settings["currency"]!.GetValue<string>().ShouldBe("USD");
    }

    [Fact]
    public async Task CreateTenant_Returns409_WhenSlugIsTaken()
    {
        var tenant = await host.CreateTenantAsync();
        using var platform = host.PlatformClient();
        var again = await platform.PostJson("/api/v1/platform/tenants", new { slug = tenant.Slug, name = "Again", currency = "USD" });
        await again.ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("platform")]
    [InlineData("Bad_Slug")]
    public async Task CreateTenant_Returns400_WhenSlugIsReservedOrMalformed(string slug)
    {
        using var platform = host.PlatformClient();
        var response = await platform.PostJson("/api/v1/platform/tenants", new { slug, name = "X", currency = "USD" });
        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "slug");
    }

    [Fact]
    public async Task PlatformEndpoints_Return401Or403_WhenCalledWithoutPlatformKey()
    {
        var tenant = await host.CreateTenantAsync();
        using var anonymous = host.CreateClient();
        await (await anonymous.GetAsync("/api/v1/platform/tenants")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await tenant.Client.GetAsync("/api/v1/platform/tenants")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SuspendedTenant_Gets403Problem_UntilReactivated()
    {
        var tenant = await host.CreateTenantAsync();
        using var platform = host.PlatformClient();
        await (await platform.PostAsync($"/api/v1/platform/tenants/{tenant.Slug}/suspend", null)).ShouldHaveStatus(HttpStatusCode.OK);
        var problem = await (await tenant.Client.GetAsync(tenant.Url("members"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        problem["detail"]!.GetValue<string>().ShouldContain("suspended");
        await (await platform.PostAsync($"/api/v1/platform/tenants/{tenant.Slug}/activate", null)).ShouldHaveStatus(HttpStatusCode.OK);
        await (await tenant.Client.GetAsync(tenant.Url("members"))).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateSettings_ChangesReturnWindow_AndRejectsUnknownTimeZone()
    {
        var tenant = await host.CreateTenantAsync();
        var updated = await (await tenant.Client.PatchAsJsonAsync(tenant.Url("settings"), new { returnWindowDays = 30 })).ShouldHaveStatus(HttpStatusCode.OK);
        updated["returnWindowDays"]!.GetValue<int>().ShouldBe(30);
        await (await tenant.Client.PatchAsJsonAsync(tenant.Url("settings"), new { timeZone = "Mars/Olympus" })).ShouldBeProblem(HttpStatusCode.BadRequest, "timeZone");
    }
}

public sealed class PlatformTestsOnSqlite(SqliteHost host) : PlatformTests<SqliteHost>(host);

public sealed class PlatformTestsOnPostgres(PostgresHost host) : PlatformTests<PostgresHost>(host);
