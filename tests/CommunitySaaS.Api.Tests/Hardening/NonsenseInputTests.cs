using System.Net;
using System.Net.Http.Json;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests.Hardening;

/// <summary>Values that parse but mean nothing are refused with a problem naming the field, and nothing is stored.</summary>
public abstract class NonsenseInputTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    public static TheoryData<string, string, string> NonsenseMembers => new()
    {
        { "birthday in the future", """{ "name": "Ava", "birthday": "2999-01-01" }""", "birthday" },
        { "birthday before 1900", """{ "name": "Ava", "birthday": "1850-05-05" }""", "birthday" },
        { "whitespace-only name", """{ "name": "   " }""", "name" },
        { "whitespace-only tag", """{ "name": "Ava", "tags": ["vip", "   "] }""", "tags" },
        { "empty tag", """{ "name": "Ava", "tags": [""] }""", "tags" },
        { "NUL in name", """{ "name": "Ava\u0000Admin" }""", "$.name" },
        { "right-to-left override in name", """{ "name": "Ava\u202Egpj.exe" }""", "$.name" },
        { "line break in name", """{ "name": "Ava\nBob" }""", "$.name" },
        { "escape in tag", """{ "name": "Ava", "tags": ["\u001b[31m"] }""", "$.tags[0]" },
        { "bidi isolate in email", """{ "email": "ava\u2066@example.com" }""", "$.email" },
    };

    [Theory]
    [MemberData(nameof(NonsenseMembers))]
    public async Task UpsertMember_Returns400NamingTheField_AndStoresNothing(string what, string body, string field)
    {
        var tenant = await host.CreateTenantAsync();

        var response = await tenant.Client.PutAsync(tenant.Url("members/m1"), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, field);
        await (await tenant.Client.GetAsync(tenant.Url("members/m1"))).ShouldBeProblem(HttpStatusCode.NotFound);
        what.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task UpsertMember_KeepsAPastBirthdayAndTrimmedTags_WhenSensible()
    {
        var tenant = await host.CreateTenantAsync();

        var member = await tenant.UpsertMember("m1", new { name = "  Ava Chen ", birthday = "1990-02-28", tags = new[] { " vip " } });

        member["name"]!.GetValue<string>().ShouldBe("Ava Chen");
        member["birthday"]!.GetValue<string>().ShouldBe("1990-02-28");
        member["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["vip"]);
    }

    [Theory]
    [InlineData("sku", "TEA\u0000")]
    [InlineData("sku", "TEA\u202E1")]
    [InlineData("category", "tea\u0007")]
    [InlineData("sku", "TEA\u200F")]
    public async Task CreateOrder_Returns400_WhenALineCarriesControlCharacters(string field, string value)
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("buyer");
        var line = new Dictionary<string, object> { ["sku"] = "TEA-1", ["category"] = "tea", ["quantity"] = 1, ["unitPrice"] = 5m, [field] = value };

        var response = await tenant.Client.PostJson(tenant.Url("orders"), new { orderId = "o1", memberExternalId = "buyer", currency = "USD", lines = new[] { line } });

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, $"$.lines[0].{field}");
        await (await tenant.Client.GetAsync(tenant.Url("orders/o1"))).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Community_Returns400_WhenNameHasControlCharactersOrIsBlank()
    {
        var tenant = await host.CreateTenantAsync();

        await (await tenant.Client.PostJson(tenant.Url("communities"), new { name = "Tea\u0000Club", kind = "onlineGroup" })).ShouldBeProblem(HttpStatusCode.BadRequest, "$.name");
        await (await tenant.Client.PostJson(tenant.Url("communities"), new { name = " ", kind = "onlineGroup" })).ShouldBeProblem(HttpStatusCode.BadRequest, "name");

        var list = await (await tenant.Client.GetAsync(tenant.Url("communities"))).ShouldHaveStatus(HttpStatusCode.OK);
        list["data"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Pacific Standard Time")]
    [InlineData("China Standard Time")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("asia/shanghai")]
    public async Task TimeZone_AcceptsIanaOnly_WhenSettingsOrANewBrandNameAWindowsId(string windowsId)
    {
        var tenant = await host.CreateTenantAsync();
        using var platform = host.PlatformClient();

        var patch = await tenant.Client.PatchAsJsonAsync(tenant.Url("settings"), new { timeZone = windowsId });
        var create = await platform.PostJson("/api/v1/platform/tenants", new { slug = $"t{Guid.NewGuid():N}"[..12], name = "Zoned", currency = "USD", timeZone = windowsId });

        await patch.ShouldBeProblem(HttpStatusCode.BadRequest, "timeZone");
        await create.ShouldBeProblem(HttpStatusCode.BadRequest, "timeZone");
        var settings = await (await tenant.Client.GetAsync(tenant.Url("settings"))).ShouldHaveStatus(HttpStatusCode.OK);
        settings["timeZone"]!.GetValue<string>().ShouldBe("UTC");
        (await (await tenant.Client.PatchAsJsonAsync(tenant.Url("settings"), new { timeZone = "America/Los_Angeles" })).ShouldHaveStatus(HttpStatusCode.OK))
            ["timeZone"]!.GetValue<string>().ShouldBe("America/Los_Angeles");
    }
}

public sealed class NonsenseInputTestsOnSqlite(SqliteHost host) : NonsenseInputTests<SqliteHost>(host);

public sealed class NonsenseInputTestsOnPostgres(PostgresHost host) : NonsenseInputTests<PostgresHost>(host);
