using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using CommunitySaaS.Bench.Shared;

namespace CommunitySaaS.Bench.Ingest;

/// <summary>
/// Order ingest: N clients post distinct orders to the host for a fixed time, then the same rows are
/// written with plain ADO.NET, one transaction per order (the host idle meanwhile). API and raw alternate for
/// <c>--rounds</c> rounds, so a slow spell of a shared machine weighs on both sides of a round's ratio; the
/// median ratio is reported with every round's figures. Prints throughput, latency, the host's peak working set,
/// and the ratio API / raw, per provider.
/// </summary>
internal static class IngestBenchmark
{
    internal const string PlatformKey = "platform_bench_key_0123456789abcdef0123";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 30);
        var clients = Option(args, "--clients", 16);
        var providers = (BenchArgs.Text(args, "--providers") ?? "sqlite,postgres").Split(',');
        // "Api" alone leaves the order events pending, which separates the write path's cost from the handlers'.
        var roles = BenchArgs.Text(args, "--roles") ?? "Api,Jobs";
        var rounds = Math.Max(1, Option(args, "--rounds", 3));
        var results = new List<string>();
        foreach (var provider in providers.Select(p => Enum.Parse<DatabaseProvider>(p, ignoreCase: true)))
        {
            results.Add(await RunProviderAsync(provider, TimeSpan.FromSeconds(seconds), clients, roles, rounds));
        }
        Console.WriteLine();
        Console.WriteLine($"order ingest, {clients} clients, {seconds} s per run, {rounds} rounds of API then raw (the median round shown), host roles {roles}, host = Release build on Kestrel, durable commits (SQLite WAL synchronous=FULL, PostgreSQL fsync on)");
        Console.WriteLine("provider  | api orders/s | p50 ms | p99 ms | p99 ms @50% | errors | 20% dup req/s | dup p99 ms | peak WS MB | raw orders/s | api/raw | every round's api/raw");
        foreach (var line in results) Console.WriteLine(line);
        return 0;
    }

    private static async Task<string> RunProviderAsync(DatabaseProvider provider, TimeSpan duration, int clients, string roles, int rounds)
    {
        var work = Directory.CreateTempSubdirectory("csaas-bench-");
        PostgresServer? server = null;
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => $"Data Source={Path.Combine(work.FullName, "bench.db")}",
            _ => (server = PostgresServer.Start(durable: true)).CreateDatabase("bench").Replace("Maximum Pool Size=50", "Maximum Pool Size=100", StringComparison.Ordinal),
        };
        try
        {
            Console.WriteLine($"== {provider}: starting host");
            var pairs = new List<(LoadResult Api, LoadResult Raw)>();
            LoadResult half, replayed;
            long peakWorkingSet;
            await using (var host = await HostProcess.StartAsync(new Dictionary<string, string>
            {
                ["Database:Provider"] = provider.ToString(), ["Database:ConnectionString"] = connectionString, ["Demo:Seed"] = "false",
                ["Platform:ApiKey"] = PlatformKey, ["RateLimits:PerKeyPerSecond"] = "1000000", ["Roles"] = roles,
                ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            }, work.FullName))
            {
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = new Uri(host.BaseUrl) };
                var (tenantId, slug) = await SetUpBrandAsync(http);
                Console.WriteLine($"== {provider}: warm-up");
                // Long enough for tiered JIT to settle: EF Core and ASP.NET Core still recompile hot paths well past 10 s.
                await LoadRun.RunAsync(clients, TimeSpan.FromSeconds(15), (c, i) => PostOrderAsync(http, slug, $"warm-{c}-{i}"));
                for (var round = 1; round <= rounds; round++)
                {
                    Console.WriteLine($"== {provider}: round {round}: full load {duration.TotalSeconds} s");
                    var api = await LoadRun.RunAsync(clients, duration, (c, i) => PostOrderAsync(http, slug, $"full{round}-{c}-{i}"));
                    Console.WriteLine($"   {api.PerSecond:F0} orders/s, p50 {api.P50Ms:F1} ms, p99 {api.P99Ms:F1} ms, {api.Errors} errors");
                    if (roles.Contains("Jobs", StringComparison.OrdinalIgnoreCase)) await WaitForOutboxAsync(provider, connectionString, tenantId);
                    Console.WriteLine($"== {provider}: round {round}: raw ADO.NET, one transaction per order, {duration.TotalSeconds} s (host idle)");
                    var raw = await RawAsync(provider, connectionString, tenantId, clients, duration, $"raw{round}");
                    Console.WriteLine($"   {raw.PerSecond:F0} orders/s -> api/raw {api.PerSecond / raw.PerSecond:P0}");
                    pairs.Add((api, raw));
                }
                var median = pairs.OrderBy(p => p.Api.PerSecond / p.Raw.PerSecond).ElementAt(pairs.Count / 2).Api;
                Console.WriteLine($"== {provider}: half load ({median.PerSecond / 2:F0}/s) {duration.TotalSeconds / 2} s");
                half = await LoadRun.RunAsync(clients, duration / 2, (c, i) => PostOrderAsync(http, slug, $"half-{c}-{i}"), median.PerSecond / 2);
                Console.WriteLine($"   {half.PerSecond:F0} orders/s, p99 {half.P99Ms:F1} ms");
                Console.WriteLine($"== {provider}: full load with 20% replayed duplicates {duration.TotalSeconds / 2} s");
                // Every fifth request resends the client's previous order, as a storefront retrying after a lost answer does.
                replayed = await LoadRun.RunAsync(clients, duration / 2, (c, i) => PostOrderAsync(http, slug, i % 5 == 4 ? $"dup-{c}-{i - 1}" : $"dup-{c}-{i}"));
                Console.WriteLine($"   {replayed.PerSecond:F0} requests/s, p99 {replayed.P99Ms:F1} ms, {replayed.Errors} errors");
                peakWorkingSet = host.PeakWorkingSetBytes;
            }

            var (full, rawMedian) = pairs.OrderBy(p => p.Api.PerSecond / p.Raw.PerSecond).ElementAt(pairs.Count / 2);
            var everyRound = string.Join(" ", pairs.Select(p => $"{p.Api.PerSecond:F0}/{p.Raw.PerSecond:F0}={p.Api.PerSecond / p.Raw.PerSecond:P0}"));
            return $"{provider,-9} | {full.PerSecond,12:F0} | {full.P50Ms,6:F1} | {full.P99Ms,6:F1} | {half.P99Ms,11:F1} | {full.Errors,6} | {replayed.PerSecond,13:F0} | {replayed.P99Ms,10:F1} | {peakWorkingSet / 1024.0 / 1024.0,10:F0} | {rawMedian.PerSecond,12:F0} | {full.PerSecond / rawMedian.PerSecond,7:P0} | {everyRound}";
        }
        finally
        {
            server?.Stop();
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    internal static async Task<(string TenantId, string Slug)> SetUpBrandAsync(HttpClient http)
    {
        var slug = $"bench{Environment.ProcessId}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/platform/tenants")
        {
            Content = JsonContent.Create(new { slug, name = "Bench", currency = "USD", timeZone = "UTC" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PlatformKey);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedTenant>() ?? throw new InvalidOperationException("No tenant.");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.SecretKey.Secret);
        for (var m = 0; m < Members; m++)
        {
            (await http.PutAsJsonAsync($"/api/v1/{slug}/members/bm{m}", new { name = $"Bench {m}" })).EnsureSuccessStatusCode();
        }
        return (created.Tenant.Id, slug);
    }

    private const int Members = 200;

    internal static async Task<bool> PostOrderAsync(HttpClient http, string slug, string orderId)
    {
        var response = await http.PostAsJsonAsync($"/api/v1/{slug}/orders", new
        {
            orderId, memberExternalId = $"bm{(orderId.GetHashCode(StringComparison.Ordinal) & 0x7FFFFFFF) % Members}", currency = "USD",
            lines = new[] { new { sku = "TEA-1", category = "tea", quantity = 1, unitPrice = 10m }, new { sku = "TEA-2", category = "tea", quantity = 2, unitPrice = 7.5m } },
        });
        return response.IsSuccessStatusCode;
    }

    private static async Task<LoadResult> RawAsync(DatabaseProvider provider, string connectionString, string tenantId, int clients, TimeSpan duration, string prefix)
    {
        var members = new List<string>();
        var writer = new RawOrderWriter(provider, connectionString, tenantId, members);
        await using (var connection = writer.Open())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Id\" FROM \"Members\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) members.Add(reader.GetString(0));
        }
        var connections = Enumerable.Range(0, clients).Select(_ => writer.Open()).ToArray();
        try
        {
            return await LoadRun.RunAsync(clients, duration, (c, i) => writer.WriteAsync(connections[c], $"{prefix}-{c}-{i}"));
        }
        finally
        {
            foreach (var c in connections) await c.DisposeAsync();
        }
    }

    /// <summary>With the Jobs role the host handles the round's events after it; raw runs once that is done, on an idle host.</summary>
    private static async Task WaitForOutboxAsync(DatabaseProvider provider, string connectionString, string tenantId)
    {
        await using var connection = new RawOrderWriter(provider, connectionString, tenantId, []).Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"ProcessedAt\" IS NULL AND \"DeadLetteredAt\" IS NULL";
        while (Convert.ToInt64(await command.ExecuteScalarAsync()) > 0) await Task.Delay(500);
    }

    private static int Option(string[] args, string name, int fallback) => int.TryParse(BenchArgs.Text(args, name), out var v) ? v : fallback;

    private sealed record CreatedTenant(TenantRef Tenant, KeyRef SecretKey);

    private sealed record TenantRef(string Id);

    private sealed record KeyRef(string Secret);
}
