using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CommunitySaaS.Bench.Ingest;
using CommunitySaaS.Bench.Shared;
using CommunitySaaS.Testing;
using Npgsql;

namespace CommunitySaaS.Bench.StripeBurst;

/// <summary>
/// Issue 11's webhook burst: N signed Stripe events (20% of them duplicates, shuffled) from 16 concurrent senders to
/// POST /webhooks/stripe/{tenant} of the host (Release build, own process) on a durable PostgreSQL, Stripe's API the
/// local fake. Prints events/s accepted, p50/p99 of the 2xx answer, the time until every event is processed (the
/// brand's outbox empty), and whether the end memberships equal those of a second brand sent the same lives one event
/// at a time in order.
/// </summary>
internal static class StripeBurstBench
{
    private const int Senders = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var total = BenchArgs.Int(args, "--events", 10_000);
        var unique = total - total / 5;
        var lives = Lives(unique);
        var work = Directory.CreateTempSubdirectory("csaas-bench-");
        var server = PostgresServer.Start(durable: true);
        await using var stripe = FakeStripe.Start();
        try
        {
            var connectionString = server.CreateDatabase("stripe").Replace("Maximum Pool Size=50", "Maximum Pool Size=100", StringComparison.Ordinal);
            await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
            {
                ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connectionString, ["Demo:Seed"] = "false",
                ["Platform:ApiKey"] = IngestBenchmark.PlatformKey, ["RateLimits:PerKeyPerSecond"] = "1000000", ["Roles"] = "Api,Jobs",
                ["Stripe:ApiBase"] = stripe.BaseUrl,
                ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            }, work.FullName);
            var now = DateTimeOffset.UtcNow;
            Console.WriteLine($"== setting up two brands of {lives.Count:N0} members each (checkout through the API)");
            var burst = await StripeBurstBrand.CreateAsync(host.BaseUrl, $"burst{Environment.ProcessId}", lives.Count, stripe, now);
            var sequential = await StripeBurstBrand.CreateAsync(host.BaseUrl, $"seq{Environment.ProcessId}", lives.Count, stripe, now);

            var random = new Random(11);
            var events = lives.SelectMany((length, k) => Enumerable.Range(0, length).Select(step => (k, step))).ToList();
            var sends = events.Concat(Enumerable.Range(0, total - unique).Select(_ => events[random.Next(events.Count)])).OrderBy(_ => random.Next()).ToList();
            var bodies = sends.Select(e => burst.Event(e.k, e.step, now)).ToList();

            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders * 2 }) { BaseAddress = new Uri(host.BaseUrl) };
            Console.WriteLine($"== burst: {sends.Count:N0} events ({unique:N0} distinct, {sends.Count - unique:N0} duplicates) from {Senders} senders");
            var clock = Stopwatch.StartNew();
            var (latencies, failures, duplicates) = await BurstAsync(client, burst, bodies);
            var sent = clock.Elapsed;
            var processed = await DrainAsync(connectionString, burst.Brand.Id, clock, TimeSpan.FromMinutes(20));
            latencies.Sort();
            var accepted = latencies.Count;

            Console.WriteLine($"== sequential reference: {unique:N0} events, one sender, in each life's order");
            foreach (var (k, step) in events.OrderBy(e => e.k).ThenBy(e => e.step))
            {
                using var response = await sequential.SendAsync(client, sequential.Event(k, step, now));
                await BenchBrand.EnsureAsync(response);
            }
            await DrainAsync(connectionString, sequential.Brand.Id, Stopwatch.StartNew(), TimeSpan.FromMinutes(20));

            var burstState = await StripeEndState.ReadAsync(connectionString, burst.Brand.Id);
            var sequentialState = await StripeEndState.ReadAsync(connectionString, sequential.Brand.Id);
            var differing = burstState.Rows.Keys.Union(sequentialState.Rows.Keys)
                .Count(key => burstState.Rows.GetValueOrDefault(key) != sequentialState.Rows.GetValueOrDefault(key));
            var match = differing == 0 && burstState.Inbox == sequentialState.Inbox && burstState.DeadLettered == 0 && sequentialState.DeadLettered == 0;

            Console.WriteLine();
            Console.WriteLine(Invariant($"stripe-burst, {sends.Count:N0} signed events ({sends.Count - unique:N0} duplicates, shuffled), {Senders} senders, host = Release build on Kestrel, PostgreSQL fsync on, Stripe API = local fake"));
            Console.WriteLine(Invariant(
                $"accepted {accepted:N0}/{sends.Count:N0} ({duplicates:N0} answered duplicate, {failures:N0} non-2xx) in {sent.TotalSeconds:F1} s = {accepted / sent.TotalSeconds:F0} events/s | 2xx p50 {BenchArgs.Percentile(latencies, 0.50):F1} ms, p99 {BenchArgs.Percentile(latencies, 0.99):F1} ms"));
            Console.WriteLine(Invariant(
                $"all processed (outbox empty) {processed.TotalSeconds:F1} s after the first send ({unique / processed.TotalSeconds:F0} distinct events/s end to end); inbox {burstState.Inbox:N0} rows, dead-lettered {burstState.DeadLettered}"));
            Console.WriteLine(Invariant(
                $"end state equals sequential run: {(match ? "yes" : "no")} ({burstState.Rows.Count:N0} memberships compared, {differing} differ; inbox {burstState.Inbox:N0} vs {sequentialState.Inbox:N0}; {burstState.Summary})"));
            return match ? 0 : 1;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            server.Stop();
            work.Delete(recursive: true);
        }
    }

    /// <summary>Life lengths of members 0, 1, 2, … until their events make <paramref name="unique"/> (the last life cut short).</summary>
    private static List<int> Lives(int unique)
    {
        var lives = new List<int>();
        for (var left = unique; left > 0; left -= lives[^1]) lives.Add(Math.Min(left, StripeBurstBrand.LifeLength(lives.Count)));
        return lives;
    }

    private static async Task<(List<double> Latencies, int Failures, int Duplicates)> BurstAsync(HttpClient client, StripeBurstBrand brand, List<string> bodies)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var duplicates = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < bodies.Count; i = Interlocked.Increment(ref next))
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await brand.SendAsync(client, bodies[i]);
                    var answer = await response.Content.ReadAsStringAsync();
                    var ms = watch.Elapsed.TotalMilliseconds;
                    if (!response.IsSuccessStatusCode)
                    {
                        if (Interlocked.Increment(ref failures) <= 3) Console.Error.WriteLine($"  {(int)response.StatusCode}: {answer}");
                        continue;
                    }
                    latencies.Add(ms);
                    if (answer.Contains("\"duplicate\":true", StringComparison.Ordinal)) Interlocked.Increment(ref duplicates);
                }
                catch (HttpRequestException ex)
                {
                    if (Interlocked.Increment(ref failures) <= 3) Console.Error.WriteLine($"  {ex.Message}");
                }
            }
        })));
        return ([.. latencies], failures, duplicates);
    }

    /// <summary>Waits until the brand's outbox holds nothing unprocessed (handled or dead-lettered); answers the clock then.</summary>
    private static async Task<TimeSpan> DrainAsync(string connectionString, string tenantId, Stopwatch clock, TimeSpan limit)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT COUNT(*) FROM "OutboxMessages" WHERE "TenantId" = @t AND "ProcessedAt" IS NULL AND "DeadLetteredAt" IS NULL""", connection);
        command.Parameters.AddWithValue("t", tenantId);
        while ((long)(await command.ExecuteScalarAsync())! > 0)
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"The outbox of {tenantId} did not drain in {limit}.");
            await Task.Delay(50);
        }
        return clock.Elapsed;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
