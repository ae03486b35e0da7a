using System.Diagnostics;
using System.Globalization;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tenants;
using Microsoft.Extensions.DependencyInjection;
using CommunitySaaS.Bench.Shared;

namespace CommunitySaaS.Bench.MembersQuery;

/// <summary>
/// The console's members table query (MemberService.SearchAsync: count + one page, a fresh DbContext per
/// call, as a page load does) at 100k members in one tenant, beside a second tenant's 20k members, on
/// SQLite and PostgreSQL. Prints p50/p95 per scenario; the target is p95 under 50 ms.
/// </summary>
public static class MembersQueryBench
{
    private const int Warmup = 5;
    private const int Iterations = 60;
    private const double TargetP95Ms = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var members = BenchArgs.Int(args, "--members", 100_000);
        var providers = (BenchArgs.Text(args, "--providers") ?? "sqlite,postgres").Split(',')
            .Select(p => Enum.Parse<DatabaseProvider>(p, ignoreCase: true)).ToList();
        var failed = false;
        foreach (var provider in providers)
        {
            failed |= !await RunProviderAsync(provider, members);
        }
        return failed ? 1 : 0;
    }

    private static async Task<bool> RunProviderAsync(DatabaseProvider provider, int members)
    {
        await using var services = await BenchDatabase.CreateAsync(provider);
        var tenant = await CreateTenantAsync(services, "bench");
        var neighbour = await CreateTenantAsync(services, "neighbour");
        var seed = Stopwatch.StartNew();
        await MemberSeeder.SeedAsync(services, tenant, members);
        await MemberSeeder.SeedAsync(services, neighbour, members / 5);
        await BenchDatabase.AnalyzeAsync(services);
        Console.WriteLine($"\n{provider}: seeded {members:N0} members (+{members / 5:N0} in another tenant) in {seed.Elapsed.TotalSeconds:F1} s");

        var deep = members / 2;
        (string Name, MemberGridQuery Query)[] scenarios =
        [
            ("first page, newest first", new MemberGridQuery(Page: new GridRequest(0, 25))),
            ($"deep page (offset {deep:N0}), newest", new MemberGridQuery(Page: new GridRequest(deep, 25))),
            ("first page, sorted by name", new MemberGridQuery(Sort: MemberSort.Name, Descending: false, Page: new GridRequest(0, 25))),
            ($"deep page (offset {deep:N0}), by name", new MemberGridQuery(Sort: MemberSort.Name, Descending: false, Page: new GridRequest(deep, 25))),
            ("search name part 'Tanaka'", new MemberGridQuery("Tanaka", Page: new GridRequest(0, 25))),
            ("search exact phone (one match)", new MemberGridQuery("+15550042424", Page: new GridRequest(0, 25))),
        ];
        Console.WriteLine($"{"scenario",-38} {"rows",6} {"total",8} {"p50 ms",8} {"p95 ms",8}");
        var ok = true;
        foreach (var (name, query) in scenarios)
        {
            var (p50, p95, page) = await MeasureAsync(services, tenant, query);
            ok &= p95 < TargetP95Ms;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-38} {page.Items.Count,6} {page.Total,8} {p50,8:F2} {p95,8:F2}{(p95 < TargetP95Ms ? "" : "  > target")}"));
        }
        Console.WriteLine(ok ? $"{provider}: every p95 under {TargetP95Ms} ms" : $"{provider}: some p95 over {TargetP95Ms} ms");
        return ok;
    }

    private static async Task<(double P50, double P95, GridPage<MemberRow> Page)> MeasureAsync(IServiceProvider services, TenantInfo tenant, MemberGridQuery query)
    {
        var timings = new List<double>(Iterations);
        GridPage<MemberRow> page = new([], 0);
        for (var i = 0; i < Warmup + Iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var scope = BenchDatabase.Scopes(services).CreateScope(tenant))
            {
                page = await scope.ServiceProvider.GetRequiredService<MemberService>().SearchAsync(query);
            }
            if (i >= Warmup) timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        return (BenchArgs.Percentile(timings, 0.50), BenchArgs.Percentile(timings, 0.95), page);
    }

    private static async Task<TenantInfo> CreateTenantAsync(IServiceProvider services, string slug)
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new CreateTenant(slug, slug, "USD", "UTC"));
        var t = created.Value!.Tenant;
        return new TenantInfo(t.Id, t.Slug, t.Name, t.Currency, t.TimeZone, t.ReturnWindowDays, t.Status);
    }
}
