using System.Net;
using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests;

/// <summary>
/// Every GET operation with query parameters in the OpenAPI document, fed junk for each parameter in turn: every
/// answer is a 400 problem+json whose errors name that parameter and whose words name no .NET type or framework part.
/// </summary>
public abstract class QueryParameterSweepTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    /// <summary>What the framework's own messages leak: type names, namespaces, and "Did you mean to use a Service instead?".</summary>
    private static readonly string[] FrameworkWords = ["Nullable", "System.", "Microsoft.", "Service", "`", "Int32", "DateTimeOffset", "CommunitySaaS.", "String"];

    [Fact]
    public async Task EveryListEndpoint_AnswersJunkQueryValuesWith400NamingTheParameter_InPlainWords()
    {
        var lists = (await ApiSurface.ReadAsync(host)).Where(o => o.Method == "GET" && o.QueryParameters.Count > 0).ToList();
        lists.Select(o => o.Path).ShouldContain("/api/v1/{tenant}/orders");
        lists.Count.ShouldBeGreaterThanOrEqualTo(7);
        var brand = await SweepBrand.CreateAsync(host, "q");
        using var platform = host.PlatformClient();
        var failures = new List<string>();
        var sent = 0;

        foreach (var operation in lists)
        {
            var client = operation.IsTenantScoped ? brand.Tenant.Client : platform;
            var path = ApiSurface.Fill(operation.Path, brand.PathValues());
            foreach (var (name, schema) in operation.QueryParameters)
            {
                foreach (var junk in JunkFor(name, schema))
                {
                    sent++;
                    var response = await client.GetAsync($"{path}?{name}={Uri.EscapeDataString(junk)}");
                    var text = await response.Content.ReadAsStringAsync();
                    var why = Refusal(response, text, name);
                    if (why is not null) failures.Add($"{operation} ?{name}={Shorten(junk)} → {(int)response.StatusCode}: {why}: {Shorten(text, 300)}");
                }
            }
        }

        sent.ShouldBeGreaterThan(40);
        failures.ShouldBeEmpty($"{failures.Count} of {sent} junk query values were not refused in plain words:\n{string.Join("\n", failures.Take(30))}");
    }

    [Theory]
    [InlineData("orders?fulfillment=bogus", "fulfillment", "unfulfilled, fulfilled")]
    [InlineData("orders?refund=bogus", "refund", "none, partial, full")]
    [InlineData("orders?from=yesterday", "from", "ISO 8601")]
    [InlineData("orders?limit=abc", "limit", "whole number from 1 to 100")]
    [InlineData("communities?kind=1", "kind", "onlineGroup, offlineStore")]
    [InlineData("members?after=not-a-cursor", "after", "nextCursor")]
    public async Task ListEndpoint_SaysTheExpectedFormat_WhenAValueIsJunk(string query, string parameter, string expected)
    {
        var tenant = await host.CreateTenantAsync();
        var problem = await (await tenant.Client.GetAsync(tenant.Url(query))).ShouldBeProblem(HttpStatusCode.BadRequest, parameter);
        problem["errors"]![parameter]![0]!.GetValue<string>().ShouldContain(expected);
    }

    [Fact]
    public async Task ListEndpoint_AcceptsEnumValuesInAnyCase_AndTheNextCursorItGave()
    {
        var tenant = await host.CreateTenantAsync();
        foreach (var name in new[] { "A", "B", "C" })
        {
            await (await tenant.Client.PostJson(tenant.Url("communities"), new { name, kind = "onlineGroup" })).ShouldHaveStatus(HttpStatusCode.Created);
        }
        var first = await (await tenant.Client.GetAsync(tenant.Url("communities?kind=ONLINEGROUP&limit=2"))).ShouldHaveStatus(HttpStatusCode.OK);
        first["hasMore"]!.GetValue<bool>().ShouldBeTrue();
        var cursor = first["nextCursor"]!.GetValue<string>();
        var second = await (await tenant.Client.GetAsync(tenant.Url($"communities?kind=onlineGroup&limit=2&after={Uri.EscapeDataString(cursor)}"))).ShouldHaveStatus(HttpStatusCode.OK);
        second["data"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldBe(["A"]);
        second["hasMore"]!.GetValue<bool>().ShouldBeFalse();
        second["nextCursor"].ShouldBeNull();
    }

    private static IEnumerable<string> JunkFor(string name, JsonNode? schema)
    {
        var type = schema?["type"]?.ToString() ?? "";
        var format = schema?["format"]?.GetValue<string>();
        yield return new string('z', 300);
        if (type.Contains("integer", StringComparison.Ordinal))
        {
            foreach (var value in new[] { "abc", "1.5", "-1", "0", "101", "99999999999", "1e3" }) yield return value;
        }
        if (format == "date-time")
        {
            yield return "yesterday";
            yield return "2026-13-45T00:00:00Z";
        }
        if (name == "after")
        {
            yield return "not-a-cursor";
            yield return "AAAA";
        }
    }

    private static string? Refusal(HttpResponseMessage response, string text, string parameter)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest) return "not a 400";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return "not problem+json";
        var errors = JsonNode.Parse(text)?["errors"]?.AsObject();
        if (errors is null || !errors.ContainsKey(parameter)) return $"errors do not name '{parameter}'";
        if (!errors[parameter]!.AsArray().Any(m => m!.GetValue<string>().Contains(parameter, StringComparison.Ordinal))) return "the message does not name the parameter";
        return FrameworkWords.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal)) is { } leak ? $"leaks '{leak}'" : null;
    }

    private static string Shorten(string text, int max = 40) => text.Length > max ? text[..max] + "…" : text;
}

public sealed class QueryParameterSweepTestsOnSqlite(SqliteHost host) : QueryParameterSweepTests<SqliteHost>(host);

public sealed class QueryParameterSweepTestsOnPostgres(PostgresHost host) : QueryParameterSweepTests<PostgresHost>(host);
