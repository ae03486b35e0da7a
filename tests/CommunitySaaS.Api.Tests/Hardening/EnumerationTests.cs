using System.Net;
using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests.Hardening;

/// <summary>Without a valid key nobody can tell which brands exist or are suspended; a new brand is reachable at once.</summary>
public abstract class EnumerationTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task KnownUnknownAndSuspendedBrands_AnswerTheSame401_WithoutAValidKey()
    {
        var known = await host.CreateTenantAsync();
        var suspended = await host.CreateTenantAsync();
        using var platform = host.PlatformClient();
        await (await platform.PostAsync($"/api/v1/platform/tenants/{suspended.Slug}/suspend", null)).ShouldHaveStatus(HttpStatusCode.OK);
        using var anonymous = host.CreateClient();
        using var badKey = host.ClientWithKey("sk_test_000000000000000000000000000000000000nope");
        var slugs = new[] { known.Slug, suspended.Slug, $"u{Guid.NewGuid():N}"[..12] };

        foreach (var client in new[] { anonymous, badKey })
        {
            var answers = new List<string>();
            foreach (var slug in slugs)
            {
                foreach (var (method, path) in new[] { (HttpMethod.Get, "members"), (HttpMethod.Post, "orders"), (HttpMethod.Get, "settings") })
                {
                    using var request = new HttpRequestMessage(method, $"/api/v1/{slug}/{path}");
                    if (method == HttpMethod.Post) request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                    var problem = await (await client.SendAsync(request)).ShouldBeProblem(HttpStatusCode.Unauthorized);
                    Comparable(problem).ShouldNotContain(slug, customMessage: $"the answer names the brand beyond echoing the path: {problem.ToJsonString()}");
                    answers.Add($"{method} {path}: {Comparable(problem)}");
                }
            }
            answers.Distinct().Count().ShouldBe(3, string.Join("\n", answers));
        }
    }

    [Fact]
    public async Task NewBrand_IsReachableAtOnce_WhenItsSlugWasLookedUpBefore()
    {
        var other = await host.CreateTenantAsync();
        var slug = $"late{Guid.NewGuid():N}"[..12];
        await (await other.Client.GetAsync($"/api/v1/{slug}/members")).ShouldBeProblem(HttpStatusCode.NotFound);

        var created = await host.CreateTenantAsync(slug);

        await (await created.Client.GetAsync(created.Url("members"))).ShouldHaveStatus(HttpStatusCode.OK);
    }

    /// <summary>The problem without what differs per request anyway (its id and path).</summary>
    private static string Comparable(JsonNode problem)
    {
        var copy = problem.DeepClone().AsObject();
        copy.Remove("requestId");
        copy.Remove("instance");
        copy.Remove("traceId");
        return copy.ToJsonString();
    }
}

public sealed class EnumerationTestsOnSqlite(SqliteHost host) : EnumerationTests<SqliteHost>(host);

public sealed class EnumerationTestsOnPostgres(PostgresHost host) : EnumerationTests<PostgresHost>(host);
