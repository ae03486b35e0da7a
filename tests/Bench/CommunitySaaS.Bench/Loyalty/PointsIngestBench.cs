using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CommunitySaaS.Bench.Ingest;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommunitySaaS.Bench.Loyalty;

/// <summary>
/// Order ingest with points on, end to end: orders posted to the host for a fixed time while the brand's points rules
/// match nothing (ingest alone), then with a points rule that earns on every order, timed until the last order's
/// points entry is written; the ratio of the two. Then half of that rate, sampling the outbox's oldest pending age.
/// </summary>
internal static class PointsIngestBench
{
    private const int Clients = 16;

    public static async Task<List<string>> RunAsync(IEnumerable<DatabaseProvider> providers, int seconds)
    {
        var lines = new List<string>();
        foreach (var provider in providers) lines.Add(await RunProviderAsync(provider, TimeSpan.FromSeconds(seconds)));
        return lines;
    }

    private static async Task<string> RunProviderAsync(DatabaseProvider provider, TimeSpan duration)
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
            await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
            {
                ["Database:Provider"] = provider.ToString(), ["Database:ConnectionString"] = connectionString, ["Demo:Seed"] = "false",
                ["Platform:ApiKey"] = IngestBenchmark.PlatformKey, ["RateLimits:PerKeyPerSecond"] = "1000000", ["Roles"] = "Api,Jobs",
                ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            }, work.FullName);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients * 2 }) { BaseAddress = new Uri(host.BaseUrl) };
            var (_, slug) = await IngestBenchmark.SetUpBrandAsync(http);
            await PublishPointsAsync(http, slug, "order.Total < 0");
            Console.WriteLine($"== {provider}: points ingest warm-up, then ingest alone {duration.TotalSeconds} s");
            await LoadRun.RunAsync(Clients, TimeSpan.FromSeconds(15), (c, i) => IngestBenchmark.PostOrderAsync(http, slug, $"warm-{c}-{i}"));
            await DrainAsync(provider, connectionString);
            var alone = await LoadRun.RunAsync(Clients, duration, (c, i) => IngestBenchmark.PostOrderAsync(http, slug, $"alone-{c}-{i}"));
            await DrainAsync(provider, connectionString);
            Console.WriteLine($"   {alone.PerSecond:F0} orders/s accepted");

            await PublishPointsAsync(http, slug, "order.Total > 0");
            var before = await CountAsync(provider, connectionString, """SELECT COUNT(DISTINCT "SourceId") FROM "PointsEntries" WHERE "Source" = 'Order'""");
            var clock = Stopwatch.StartNew();
            var with = await LoadRun.RunAsync(Clients, duration, (c, i) => IngestBenchmark.PostOrderAsync(http, slug, $"points-{c}-{i}"));
            while (await CountAsync(provider, connectionString, """SELECT COUNT(DISTINCT "SourceId") FROM "PointsEntries" WHERE "Source" = 'Order'""") - before < with.Operations)
            {
                if (clock.Elapsed > duration * 20) throw new TimeoutException("The points never caught up with the orders.");
                await Task.Delay(50);
            }
            var endToEnd = with.Operations / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"   with points: {with.PerSecond:F0} orders/s accepted, {endToEnd:F0} orders/s with their points written (last after {clock.Elapsed.TotalSeconds:F1} s)");

            var half = endToEnd / 2;
            var ages = new List<double>();
            using var stop = new CancellationTokenSource();
            var sampler = SampleAgesAsync(provider, connectionString, ages, stop.Token);
            var paced = await LoadRun.RunAsync(Clients, duration, (c, i) => IngestBenchmark.PostOrderAsync(http, slug, $"half-{c}-{i}"), half);
            await stop.CancelAsync();
            await sampler;
            ages.Sort();
            var p95 = ages.Count == 0 ? 0 : ages[Math.Min(ages.Count - 1, (int)(0.95 * ages.Count))];
            var max = ages.Count == 0 ? 0 : ages[^1];
            Console.WriteLine($"   at {paced.PerSecond:F0} orders/s: outbox oldest pending age p95 {p95:F2} s, max {max:F2} s ({ages.Count} samples)");
            return string.Create(CultureInfo.InvariantCulture,
                $"{provider,-9} | ingest alone {alone.PerSecond:F0}/s | with points end to end {endToEnd:F0}/s | ratio {endToEnd / alone.PerSecond:F2} | at {paced.PerSecond:F0}/s oldest pending p95 {p95:F2} s, max {max:F2} s");
        }
        finally
        {
            server?.Stop();
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static async Task PublishPointsAsync(HttpClient http, string slug, string expression)
    {
        var workflow = new
        {
            WorkflowName = "points",
            Rules = new[]
            {
                new
                {
                    RuleName = "OrderPaid", Expression = expression, Properties = new Dictionary<string, object> { ["event"] = "order.paid" },
                    Actions = new { OnSuccess = new { Name = "OutputExpression", Context = new { Expression = "order.Total * 1" } } },
                },
            },
        };
        var draft = await http.PostAsJsonAsync($"/api/v1/{slug}/rulesets/points", new { workflow, note = "bench" });
        draft.EnsureSuccessStatusCode();
        var version = (await draft.Content.ReadFromJsonAsync<DraftVersion>())!.Version;
        (await http.PostAsJsonAsync($"/api/v1/{slug}/rulesets/points/{version}/publish", new { note = "bench" })).EnsureSuccessStatusCode();
    }

    private sealed record DraftVersion(int Version);

    private const string Pending = """SELECT MIN("StoredAt") FROM "OutboxMessages" WHERE "ProcessedAt" IS NULL AND "DeadLetteredAt" IS NULL""";

    private static async Task DrainAsync(DatabaseProvider provider, string connectionString)
    {
        for (var i = 0; i < 1200 && await OldestPendingAsync(provider, connectionString) is not null; i++) await Task.Delay(100);
    }

    private static async Task SampleAgesAsync(DatabaseProvider provider, string connectionString, List<double> ages, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var oldest = await OldestPendingAsync(provider, connectionString);
            ages.Add(oldest is { } at ? Math.Max(0, (DateTimeOffset.UtcNow - at).TotalSeconds) : 0);
            try { await Task.Delay(200, stop); } catch (OperationCanceledException) { }
        }
    }

    private static async Task<DateTimeOffset?> OldestPendingAsync(DatabaseProvider provider, string connectionString)
    {
        await using var connection = Open(provider, connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = Pending;
        var value = await command.ExecuteScalarAsync();
        return value switch
        {
            null or DBNull => null,
            long binary => FromSqlite(binary),
            DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
            DateTimeOffset at => at,
            _ => throw new InvalidOperationException($"Unexpected {value.GetType()}."),
        };
    }

    private static DateTimeOffset FromSqlite(long binary) =>
        (DateTimeOffset)new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertFromProvider(binary)!;

    private static async Task<long> CountAsync(DatabaseProvider provider, string connectionString, string sql)
    {
        await using var connection = Open(provider, connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static DbConnection Open(DatabaseProvider provider, string connectionString)
    {
        DbConnection connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
