using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests;

/// <summary>
/// Every write operation in the OpenAPI document, fed malformed JSON, wrong types, huge strings, negative
/// and absurd numbers, unknown currencies, junk ids and null elements in any list (at any depth): every answer
/// is a 4xx problem+json, never a 5xx, and not one row is written anywhere.
/// </summary>
public abstract class BadInputSweepTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task EveryWriteEndpoint_AnswersBadInputWith4xxProblem_AndWritesNothing()
    {
        var operations = (await ApiSurface.ReadAsync(host)).Where(o => o.IsWrite).ToList();
        operations.Count.ShouldBeGreaterThan(10);
        var brand = await SweepBrand.CreateAsync(host, "a");
        await OutboxSettledAsync();
        var before = await RowCountsAsync();
        var snapshot = await brand.SnapshotAsync();
        using var platform = host.PlatformClient();
        var failures = new List<string>();
        var sent = 0;

        foreach (var operation in operations)
        {
            var client = operation.IsTenantScoped ? brand.Tenant.Client : platform;
            var path = ApiSurface.Fill(operation.Path, brand.PathValues());
            var attempts = new List<(string What, string Path, HttpContent? Content)>();
            if (operation.HasBody)
            {
                attempts.AddRange(BadInputs.MalformedBodies.Select(b => ($"body {b}", path, (HttpContent?)new StringContent(b, Encoding.UTF8, "application/json"))));
                attempts.Add(("no body", path, null));
                attempts.Add(("form body", path, new StringContent("a=1", Encoding.UTF8, "application/x-www-form-urlencoded")));
                var valid = SampleRequests.For(operation, brand.MemberExternalId, brand.CommunityId);
                attempts.AddRange(BadInputs.Mutations(valid).Select(m => (m.Where, path, (HttpContent?)new StringContent(m.Body.ToJsonString(), Encoding.UTF8, "application/json"))));
                foreach (var sample in new[] { valid }.Concat(RicherSamples(operation, brand)))
                {
                    attempts.AddRange(NullInputs.NullElements(sample).Select(m => (m.Where, path, (HttpContent?)Json(m.Body))));
                }
            }
            foreach (var param in new[] { "externalId", "orderId", "communityId", "keyId", "slug", "endpointId", "deliveryId" }.Where(p => operation.Path.Contains($"{{{p}}}", StringComparison.Ordinal)))
            {
                var junk = new Dictionary<string, string>(brand.PathValues()) { [param] = new string('z', 300) };
                var body = operation.HasBody ? new StringContent(SampleRequests.For(operation, brand.MemberExternalId, brand.CommunityId).ToJsonString(), Encoding.UTF8, "application/json") : null;
                attempts.Add(($"junk {param}", ApiSurface.Fill(operation.Path, junk), body));
            }

            foreach (var (what, url, content) in attempts)
            {
                sent++;
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url) { Content = content };
                var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (status is < 400 or >= 500 || mediaType != "application/problem+json")
                {
                    failures.Add($"{operation} [{what}] → {status} {mediaType}: {Truncate(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        failures.ShouldBeEmpty($"{failures.Count} of {sent} bad requests were not refused cleanly:\n{string.Join("\n", failures.Take(30))}");
        (await RowCountsAsync()).ShouldBe(before);
        (await brand.SnapshotAsync()).ShouldBe(snapshot);
    }

    /// <summary>
    /// An explicit null for every field, at every depth, of every write body: a field that may be null (an optional
    /// one, "leave as it was") can succeed, one that may not is a 4xx problem; never a 5xx. Runs on a brand of its own,
    /// since the optional nulls may change it.
    /// </summary>
    [Fact]
    public async Task EveryWriteEndpoint_AnswersExplicitNullsWithoutServerErrors()
    {
        var operations = (await ApiSurface.ReadAsync(host)).Where(o => o.IsWrite && o.HasBody).ToList();
        var brand = await SweepBrand.CreateAsync(host, "n");
        using var platform = host.PlatformClient();
        var failures = new List<string>();
        var sent = 0;

        foreach (var operation in operations)
        {
            var client = operation.IsTenantScoped ? brand.Tenant.Client : platform;
            var path = ApiSurface.Fill(operation.Path, brand.PathValues());
            var samples = new[] { SampleRequests.For(operation, brand.MemberExternalId, brand.CommunityId) }.Concat(RicherSamples(operation, brand));
            foreach (var (what, body) in samples.SelectMany(sample => NullInputs.ExplicitNulls(sample).Select(m => (m.Where, (JsonNode?)m.Body))).Prepend(("body null", null)))
            {
                sent++;
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path) { Content = Json(body) };
                var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (status >= 500 || (status >= 400 && mediaType != "application/problem+json"))
                {
                    failures.Add($"{operation} [{what}] → {status} {mediaType}: {Truncate(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        sent.ShouldBeGreaterThan(50);
        failures.ShouldBeEmpty($"{failures.Count} of {sent} requests with a null field failed badly:\n{string.Join("\n", failures.Take(30))}");
    }

    /// <summary>Bodies that reach deeper than the sweep's minimal samples: a simulation case with an order, its lines, a member and an activity.</summary>
    private static IEnumerable<JsonNode> RicherSamples(ApiOperation operation, SweepBrand brand) => operation.Key switch
    {
        "POST /api/v1/{tenant}/rulesets/{kind}/simulate" =>
        [
            JsonSerializer.SerializeToNode(new
            {
                version = 1,
                cases = new[]
                {
                    new
                    {
                        name = "rich case", @event = "order.paid",
                        order = new { total = 25m, currency = "USD", lines = new[] { new { sku = "TEA-1", category = "tea", quantity = 1, unitPrice = 25m } } },
                        member = new { tier = "Gold", birthday = "1990-01-31", tags = new[] { "vip" } },
                        activity = new { type = "checkin", properties = new Dictionary<string, string> { ["store"] = "s1" } },
                        stats = new { spend12m = 2500m, orders12m = 3 },
                    },
                },
            })!,
        ],
        "POST /api/v1/{tenant}/orders" =>
        [
            JsonSerializer.SerializeToNode(new
            {
                orderId = $"rich-{Guid.NewGuid():N}", memberExternalId = brand.MemberExternalId, currency = "USD",
                lines = new[] { new { sku = "A", category = "c", quantity = 1, unitPrice = 1m }, new { sku = "B", category = "c", quantity = 2, unitPrice = 3m } },
            })!,
        ],
        _ => [],
    };

    private static StringContent Json(JsonNode? body) => new(body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");

    /// <summary>
    /// The brand's setup publishes events whose handlers write inbox and ledger rows in the background; counting
    /// before they finish would blame the bad requests for the handlers' rows.
    /// </summary>
    private async Task OutboxSettledAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = await db.OutboxMessages.IgnoreQueryFilters([AppDbContext.TenantFilter]).CountAsync(m => m.ProcessedAt == null && m.DeadLetteredAt == null);
            if (pending == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{pending} outbox messages still pending after 60 s.");
            await Task.Delay(100);
        }
    }

    private async Task<Dictionary<string, int>> RowCountsAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var counts = new Dictionary<string, int>();
        foreach (var entityType in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.ClrType != typeof(Core.Idempotency.IdempotencyRecord)))
        {
            var table = entityType.GetTableName()!;
            var sql = host.Provider == DatabaseProvider.Postgres ? $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"" : $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"";
            counts[table] = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
        }
        return counts;
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}

public sealed class BadInputSweepTestsOnSqlite(SqliteHost host) : BadInputSweepTests<SqliteHost>(host);

public sealed class BadInputSweepTestsOnPostgres(PostgresHost host) : BadInputSweepTests<PostgresHost>(host);
