using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests;

public abstract class HealthTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Ready_Returns200_WhenDatabaseIsMigrated()
    {
        using var client = host.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Host_RunsOnItsOwnDatabase_OfTheRequestedProvider()
    {
        var options = host.Services.GetRequiredService<DatabaseOptions>();
        options.Provider.ShouldBe(host.Provider);
        options.ConnectionString.ShouldBe(host.ConnectionString);
    }

    [Fact]
    public async Task Docs_ServeOpenApiAndReference_WhenRequested()
    {
        using var client = host.CreateClient();
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        openApi.ShouldContain("/api/v1/{tenant}/orders");
        var docs = await client.GetAsync("/docs");
        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await docs.Content.ReadAsStringAsync()).ShouldContain("<html", Case.Insensitive);
    }

    [Fact]
    public async Task EveryResponse_CarriesRequestId_WhenAnswered()
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync("/api/v1/nobody/members");
        response.Headers.GetValues("X-Request-Id").Single().ShouldNotBeNullOrWhiteSpace();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}

public sealed class HealthTestsOnSqlite(SqliteHost host) : HealthTests<SqliteHost>(host);

public sealed class HealthTestsOnPostgres(PostgresHost host) : HealthTests<PostgresHost>(host);
