using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Dashboard;

/// <summary>
/// The console's headline figures, aggregated in the database: a few aggregate queries however many
/// orders there are. Days start at midnight in the brand's time zone. GMV is summed in minor units (bigint) in SQL
/// on every provider and shown in the brand's currency.
/// </summary>
public sealed class DashboardService(AppDbContext db, ITenantContext tenant, TimeProvider time)
{
    public const int SeriesDays = 30;
    private static readonly (string Label, int Days)[] PeriodSpecs = [("Today", 1), ("Last 7 days", 7), ("Last 30 days", 30)];

    public async Task<DashboardView> GetAsync(CancellationToken ct = default)
    {
        var info = tenant.Tenant ?? throw new InvalidOperationException("The dashboard needs a tenant in context.");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(info.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

        var periods = new List<DashboardPeriod>();
        foreach (var (label, days) in PeriodSpecs)
        {
            periods.Add(await PeriodAsync(label, days, StartOf(today.AddDays(1 - days), zone), info.Currency, ct));
        }
        return new DashboardView(info.Currency, info.TimeZone, periods, await SeriesAsync(today, zone, info.Currency, ct));
    }

    private async Task<DashboardPeriod> PeriodAsync(string label, int days, DateTimeOffset from, string currency, CancellationToken ct)
    {
        var orders = db.Orders.Where(o => o.PaidAt >= from);
        var totals = await orders.GroupBy(o => o.TenantId)
            .Select(g => new { Gmv = g.Sum(o => o.TotalMinor), Count = g.Count() })
            .FirstOrDefaultAsync(ct);
        var newMembers = await db.Members.CountAsync(m => m.CreatedAt >= from, ct);
        var activeCommunities = await orders.Where(o => o.CommunityId != null).Select(o => o.CommunityId).Distinct().CountAsync(ct);
        return new DashboardPeriod(label, days, Money.ToDecimal(totals?.Gmv ?? 0, currency), totals?.Count ?? 0, newMembers, activeCommunities);
    }

    /// <summary>One row per day with orders, in a single UNION ALL of per-day aggregates (each on the PaidAt index).</summary>
    private async Task<IReadOnlyList<DashboardDay>> SeriesAsync(DateOnly today, TimeZoneInfo zone, string currency, CancellationToken ct)
    {
        IQueryable<DayTotal>? query = null;
        for (var i = 0; i < SeriesDays; i++)
        {
            var day = i;
            var from = StartOf(today.AddDays(day - SeriesDays + 1), zone);
            var to = StartOf(today.AddDays(day - SeriesDays + 2), zone);
            var part = db.Orders.Where(o => o.PaidAt >= from && o.PaidAt < to)
                .GroupBy(o => o.TenantId)
                .Select(g => new DayTotal { Day = day, Gmv = g.Sum(o => o.TotalMinor), Orders = g.Count() });
            query = query is null ? part : query.Concat(part);
        }
        var rows = (await query!.ToListAsync(ct)).ToDictionary(r => r.Day);
        return Enumerable.Range(0, SeriesDays).Select(i =>
        {
            var date = today.AddDays(i - SeriesDays + 1);
            return rows.TryGetValue(i, out var r) ? new DashboardDay(date, Money.ToDecimal(r.Gmv, currency), r.Orders) : new DashboardDay(date, Money.ToDecimal(0, currency), 0);
        }).ToList();
    }

    private static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Member-initialised (not a constructor) so EF can translate it inside a set operation.</summary>
    private sealed class DayTotal
    {
        public int Day { get; init; }
        public long Gmv { get; init; }
        public int Orders { get; init; }
    }
}
