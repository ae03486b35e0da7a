using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CommunitySaaS.Bench.Ingest;
using CommunitySaaS.Bench.Shared;
using CommunitySaaS.Testing;
using Npgsql;

namespace CommunitySaaS.Bench.WebhookFanout;

/// <summary>
/// Issue 12's fan-out: 10 brands with 10 webhook endpoints each subscribed to <c>order.paid</c>, one endpoint per brand
/// (10%) silent so every attempt to it times out. N orders are posted through the API, spread over the brands, at a
/// steady rate; each becomes an order.paid event and 10 deliveries. Prints deliveries/s to the healthy endpoints and
/// p50/p99 from the event's createdAt to its arrival at the receiver (target: p99 under 2 s). The host (Release build,
/// own process, durable PostgreSQL) may reach loopback only because <c>Webhooks:AllowHttp</c> and
/// <c>Webhooks:AllowPrivateTargets</c> say so (the SSRF guard's switch); everything else is at its defaults (10 s timeout).
/// </summary>
internal static class WebhookFanoutBench
{
    private const int Brands = 10;
    private const int EndpointsPerBrand = 10;
    private const int SilentPerBrand = 1;
    private const int MembersPerBrand = 20;
    private const int Clients = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchArgs.Int(args, "--events", 10_000);
        var rate = BenchArgs.Double(args, "--rate", 50);
        var work = Directory.CreateTempSubdirectory("csaas-bench-");
        var server = PostgresServer.Start(durable: true);
        try
        {
            await using var receivers = await FanoutReceivers.StartAsync();
            var connectionString = server.CreateDatabase("fanout").Replace("Maximum Pool Size=50", "Maximum Pool Size=100", StringComparison.Ordinal);
            await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
            {
                ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connectionString, ["Demo:Seed"] = "false",
                ["Platform:ApiKey"] = IngestBenchmark.PlatformKey, ["RateLimits:PerKeyPerSecond"] = "1000000", ["Roles"] = "Api,Jobs",
                ["Webhooks:AllowHttp"] = "true", ["Webhooks:AllowPrivateTargets"] = "true",
                ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            }, work.FullName);

            Console.WriteLine($"== setting up {Brands} brands x {EndpointsPerBrand} endpoints ({Brands * SilentPerBrand} silent)");
            var brands = new List<BenchBrand>();
            for (var b = 0; b < Brands; b++)
            {
                var brand = await BenchBrand.CreateAsync(host.BaseUrl, $"fan{b}x{Environment.ProcessId}");
                brands.Add(brand);
                await BenchBrand.ForEachAsync(MembersPerBrand, 8, m => brand.SendAsync(HttpMethod.Put, $"members/m{m}", new { name = $"Fan {m}" }));
                for (var e = 0; e < EndpointsPerBrand; e++)
                {
                    var url = e < SilentPerBrand ? $"{receivers.SilentBase}/b{b}e{e}" : $"{receivers.HealthyBase}/b{b}e{e}";
                    await brand.SendAsync(HttpMethod.Post, "webhook-endpoints", new { url, events = new[] { "order.paid" }, description = $"bench receiver {e}" });
                }
            }

            Console.WriteLine(Invariant($"== {events:N0} orders at {(rate > 0 ? $"{rate:F0}/s" : "full speed")} from {Clients} clients"));
            var clock = Stopwatch.StartNew();
            var firstEventAt = DateTimeOffset.UtcNow;
            var failures = await PostOrdersAsync(brands, events, rate, clock);
            var posted = clock.Elapsed;
            var expected = (long)(events - failures) * (EndpointsPerBrand - SilentPerBrand);
            var deadline = posted + TimeSpan.FromMinutes(10);
            while (receivers.Delivered.Count < expected && clock.Elapsed < deadline) await Task.Delay(100);

            var delivered = receivers.Delivered.Values.ToList();
            var latencies = delivered.Select(d => d.LatencyMs).Order().ToList();
            var span = delivered.Count == 0 ? TimeSpan.Zero : delivered.Max(d => d.At) - firstEventAt;
            var silent = await SilentOutcomesAsync(connectionString);
            var hops = await HopsAsync(connectionString);
            await HandlerTimes.PrintAsync(host.BaseUrl);
            foreach (var brand in brands) brand.Dispose();

            Console.WriteLine();
            Console.WriteLine(Invariant(
                $"webhook-fanout, {Brands} brands x {EndpointsPerBrand} endpoints ({Brands * SilentPerBrand} never answer, 10 s timeout), {events:N0} order.paid events posted in {posted.TotalSeconds:F1} s ({events / posted.TotalSeconds:F0}/s, {failures} failed), host = Release build, PostgreSQL fsync on"));
            Console.WriteLine(Invariant(
                $"healthy endpoints: {delivered.Count:N0}/{expected:N0} delivered, last {span.TotalSeconds:F1} s after the first event = {delivered.Count / Math.Max(span.TotalSeconds, 0.001):F0} deliveries/s | event createdAt -> received p50 {BenchArgs.Percentile(latencies, 0.50):F0} ms, p99 {BenchArgs.Percentile(latencies, 0.99):F0} ms, max {(latencies.Count == 0 ? 0 : latencies[^1]):F0} ms (target p99 < 2000 ms)"));
            Console.WriteLine(Invariant(
                $"where the time goes (healthy, from the database): event -> delivery row (outbox + fan-out) p50 {hops[0]:F0} / p99 {hops[1]:F0} ms; delivery row -> recorded delivered p50 {hops[2]:F0} / p99 {hops[3]:F0} ms"));
            Console.WriteLine(Invariant(
                $"silent endpoints: {receivers.SilentRequests:N0} attempts received, {silent.TimedOut:N0} recorded as timed out, {silent.Pending:N0} deliveries still pending (retrying with backoff)"));
            return delivered.Count == expected ? 0 : 1;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            server.Stop();
            work.Delete(recursive: true);
        }
    }

    /// <summary>Order i goes to brand i % 10 at start + i / rate (or at once when rate is 0); answers how many failed.</summary>
    private static async Task<int> PostOrdersAsync(List<BenchBrand> brands, int events, double rate, Stopwatch clock)
    {
        var failures = 0;
        var next = -1;
        var start = clock.Elapsed;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < events; i = Interlocked.Increment(ref next))
            {
                if (rate > 0 && start + TimeSpan.FromSeconds(i / rate) - clock.Elapsed is { } wait && wait > TimeSpan.Zero) await Task.Delay(wait);
                var brand = brands[i % brands.Count];
                var response = await brand.Client.PostAsJsonAsync(brand.Url("orders"), new
                {
                    orderId = $"fan-{i}", memberExternalId = $"m{i / brands.Count % MembersPerBrand}", currency = "USD",
                    lines = new[] { new { sku = "TEA-1", category = "tea", quantity = 1, unitPrice = 10m } },
                });
                if (!response.IsSuccessStatusCode && Interlocked.Increment(ref failures) <= 3)
                {
                    Console.Error.WriteLine($"  order {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        })));
        return failures;
    }

    private static async Task<(long TimedOut, long Pending)> SilentOutcomesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT COUNT(*) FILTER (WHERE d."LastError" LIKE 'No answer within%'), COUNT(*) FILTER (WHERE d."Status" = 'Pending')
            FROM "WebhookDeliveries" d JOIN "WebhookEndpoints" e ON e."Id" = d."EndpointId"
            WHERE e."Url" LIKE '%/b%e0'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<double[]> HopsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM d."CreatedAt" - d."EventAt") * 1000),
                   percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM d."DeliveredAt" - d."CreatedAt") * 1000)
            FROM "WebhookDeliveries" d WHERE d."Status" = 'Delivered'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return [.. reader.GetFieldValue<double[]>(0), .. reader.GetFieldValue<double[]>(1)];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
