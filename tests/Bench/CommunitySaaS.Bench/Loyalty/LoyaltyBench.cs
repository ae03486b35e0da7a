using System.Diagnostics;
using System.Globalization;
using CommunitySaaS.Bench.MembersQuery;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CommunitySaaS.Bench.Shared;

namespace CommunitySaaS.Bench.Loyalty;

/// <summary>
/// Loyalty at scale: N members and M ledger entries bulk-loaded into one brand, then the storefront's member summary
/// (what GET /members/{id}/loyalty runs: the member by external id, then <see cref="PointsQueries.SummaryAsync"/>, a
/// fresh DbContext per call) over random members, and one nightly expiry over the whole brand with its time and
/// peak memory; per provider. Targets from issue 10: summary p95 under 20 ms, expiry under 2 minutes and 500 MB.
/// </summary>
public static class LoyaltyBench
{
    private const int Warmup = 200;
    private const int Samples = 2_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var members = BenchArgs.Long(args, "--members", 1_000_000);
        var entries = BenchArgs.Long(args, "--entries", 20_000_000L);
        var due = (int)BenchArgs.Long(args, "--due-percent", 5);
        var providers = (BenchArgs.Text(args, "--providers") ?? "postgres,sqlite").Split(',')
            .Select(p => Enum.Parse<DatabaseProvider>(p, ignoreCase: true)).ToList();
        var lines = new List<string>();
        foreach (var provider in providers)
        {
            lines.Add(await RunProviderAsync(provider, (int)members, entries, due));
        }
        if (!args.Contains("--no-ingest")) lines.AddRange(await PointsIngestBench.RunAsync(providers, (int)BenchArgs.Long(args, "--seconds", 20)));
        Console.WriteLine();
        Console.WriteLine($"loyalty, {members:N0} members, {entries:N0} ledger entries, {due}% of lots due at the expiry run");
        foreach (var line in lines) Console.WriteLine(line);
        return 0;
    }

    private static async Task<string> RunProviderAsync(DatabaseProvider provider, int members, long entries, int duePercent)
    {
        var (services, connectionString) = await BenchDatabase.CreateAsync(provider, s => s.AddDomainEvents(runProcessor: false).AddPointsFeature());
        await using var _ = services;
        var tenant = await CreateTenantAsync(services);
        var seed = new LoyaltySeed(members, entries, duePercent);
        Console.WriteLine($"== {provider}: loading {members:N0} members, {entries:N0} entries");
        var load = Stopwatch.StartNew();
        await LoyaltyBulkLoad.LoadAsync(provider, connectionString, tenant.Id, seed);
        Console.WriteLine($"   loaded in {load.Elapsed.TotalSeconds:F0} s; analyzing");
        await BenchDatabase.AnalyzeAsync(services);
        Console.WriteLine($"   ready after {load.Elapsed.TotalSeconds:F0} s");

        var (p50, p95, p99, soon) = await SummaryAsync(services, tenant, members);
        Console.WriteLine(Invariant($"   summary over {Samples:N0} random members: p50 {p50:F2} ms, p95 {p95:F2} ms, p99 {p99:F2} ms ({soon:N0} had points expiring soon)"));

        var expiry = await ExpiryAsync(services, tenant);
        Console.WriteLine(Invariant(
            $"   expiry: {expiry.Lots:N0} lots closed in {expiry.Seconds:F1} s ({expiry.Lots / expiry.Seconds:F0}/s); peak working set {expiry.PeakWorkingSetMb:F0} MB (before {expiry.BaselineWorkingSetMb:F0} MB), peak GC heap {expiry.PeakHeapMb:F0} MB"));
        await CheckAccountsAsync(services, tenant);
        return Invariant(
            $"{provider,-9} | summary p50 {p50:F2} / p95 {p95:F2} / p99 {p99:F2} ms | expiry {expiry.Lots:N0} lots in {expiry.Seconds:F1} s, peak WS {expiry.PeakWorkingSetMb:F0} MB, peak GC heap {expiry.PeakHeapMb:F0} MB | load {load.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task<(double P50, double P95, double P99, int Soon)> SummaryAsync(IServiceProvider services, TenantInfo tenant, int members)
    {
        var random = new Random(3);
        var timings = new List<double>(Samples);
        var soon = 0;
        for (var i = 0; i < Warmup + Samples; i++)
        {
            var externalId = $"c{random.Next(members):0000000}";
            var watch = Stopwatch.StartNew();
            await using (var scope = BenchDatabase.Scopes(services).CreateScope(tenant))
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var id = await db.Members.AsNoTracking().Where(m => m.ExternalId == externalId).Select(m => m.Id).FirstOrDefaultAsync()
                    ?? throw new InvalidOperationException($"No member {externalId}.");
                var summary = await scope.ServiceProvider.GetRequiredService<PointsQueries>().SummaryAsync(id);
                if (i >= Warmup && summary.Points.ExpiringSoon.Count > 0) soon++;
            }
            if (i >= Warmup) timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        return (BenchArgs.Percentile(timings, 0.50), BenchArgs.Percentile(timings, 0.95), BenchArgs.Percentile(timings, 0.99), soon);
    }

    private sealed record ExpiryFigures(int Lots, double Seconds, double BaselineWorkingSetMb, double PeakWorkingSetMb, double PeakHeapMb);

    private static async Task<ExpiryFigures> ExpiryAsync(IServiceProvider services, TenantInfo tenant)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var sampler = new MemorySampler();
        var watch = Stopwatch.StartNew();
        int lots;
        await using (var scope = BenchDatabase.Scopes(services).CreateScope(tenant))
        {
            lots = await scope.ServiceProvider.GetRequiredService<PointsExpiry>().RunAsync(LoyaltySeed.Now, CancellationToken.None);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        sampler.Stop();
        return new ExpiryFigures(lots, seconds, sampler.BaselineWorkingSet / 1048576.0, sampler.PeakWorkingSet / 1048576.0, sampler.PeakHeap / 1048576.0);
    }

    /// <summary>The cached balances still equal the ledger's sums after the expiry (checked by the database, over every member).</summary>
    private static async Task CheckAccountsAsync(IServiceProvider services, TenantInfo tenant)
    {
        await using var scope = BenchDatabase.Scopes(services).CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var sums = db.PointsEntries.GroupBy(e => e.MemberId).Select(g => new { MemberId = g.Key, Available = g.Sum(e => e.AvailableDelta) });
        var wrong = await db.PointsAccounts.Join(sums, a => a.MemberId, s => s.MemberId, (a, s) => new { a.Available, Sum = s.Available })
            .CountAsync(x => x.Available != x.Sum);
        Console.WriteLine(wrong == 0 ? "   every account equals its ledger's sum" : $"   {wrong:N0} accounts differ from their ledger's sum");
    }

    private static async Task<TenantInfo> CreateTenantAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new CreateTenant("loyalty", "Loyalty", "USD", "UTC"));
        var t = created.Value!.Tenant;
        return new TenantInfo(t.Id, t.Slug, t.Name, t.Currency, t.TimeZone, t.ReturnWindowDays, t.Status);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
