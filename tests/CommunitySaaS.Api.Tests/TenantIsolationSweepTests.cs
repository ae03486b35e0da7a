using System.Net;
using System.Net.Http.Json;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests;

/// <summary>
/// Every tenant-scoped operation in the OpenAPI document, called by brand A against brand B: B's route
/// answers 404, B's objects under A's route are not found (or are A's own new objects), no response
/// carries anything of B's, and B's data is exactly as it was.
/// </summary>
public abstract class TenantIsolationSweepTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task EveryTenantEndpoint_NeverRevealsOrChangesAnotherTenant()
    {
        var operations = (await ApiSurface.ReadAsync(host)).Where(o => o.IsTenantScoped).ToList();
        operations.Count.ShouldBeGreaterThan(15);
        var a = await SweepBrand.CreateAsync(host, "a");
        var b = await SweepBrand.CreateAsync(host, "b");
        var before = await b.SnapshotAsync();
        using var platform = host.PlatformClient();

        foreach (var operation in operations)
        {
            var body = SampleRequests.For(operation, a.MemberExternalId, a.CommunityId);

            var onOtherTenant = await Send(a.Tenant.Client, operation, ApiSurface.Fill(operation.Path, b.PathValues()), body);
            await onOtherTenant.ShouldBeProblem(HttpStatusCode.NotFound);

            var platformOnTenant = await Send(platform, operation, ApiSurface.Fill(operation.Path, b.PathValues()), body);
            await platformOnTenant.ShouldBeProblem(HttpStatusCode.NotFound);

            var ownRoute = ApiSurface.Fill(operation.Path, b.PathValues(a.Tenant.Slug));
            var otherObjectsOnOwnRoute = await Send(a.Tenant.Client, operation, ownRoute, body);
            var text = await otherObjectsOnOwnRoute.Content.ReadAsStringAsync();
            // An error may echo the id the caller sent; anything else of B's in the answer is a leak.
            foreach (var secret in b.Secrets.Where(s => !ownRoute.Contains(s, StringComparison.Ordinal)))
            {
                text.ShouldNotContain(secret, customMessage: $"{operation} leaked brand B's data");
            }
            if (operation.Path.Contains("{communityId}", StringComparison.Ordinal) || operation.Path.Contains("{keyId}", StringComparison.Ordinal)
                || operation.Path.Contains("{orderId}", StringComparison.Ordinal) || operation.Path.Contains("{endpointId}", StringComparison.Ordinal))
            {
                ((int)otherObjectsOnOwnRoute.StatusCode).ShouldBe(404, $"{operation} answered {text}");
            }
        }

        (await b.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task EveryTenantEndpoint_Returns401_WithoutAKey()
    {
        var operations = (await ApiSurface.ReadAsync(host)).Where(o => o.IsTenantScoped).ToList();
        var b = await SweepBrand.CreateAsync(host, "b");
        using var anonymous = host.CreateClient();
        foreach (var operation in operations)
        {
            var response = await Send(anonymous, operation, ApiSurface.Fill(operation.Path, b.PathValues()), SampleRequests.For(operation, b.MemberExternalId, b.CommunityId));
            await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
        }
    }

    internal static Task<HttpResponseMessage> Send(HttpClient client, ApiOperation operation, string path, System.Text.Json.Nodes.JsonNode body)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.HasBody) request.Content = JsonContent.Create(body);
        return client.SendAsync(request);
    }
}

public sealed class TenantIsolationSweepTestsOnSqlite(SqliteHost host) : TenantIsolationSweepTests<SqliteHost>(host);

public sealed class TenantIsolationSweepTestsOnPostgres(PostgresHost host) : TenantIsolationSweepTests<PostgresHost>(host);
