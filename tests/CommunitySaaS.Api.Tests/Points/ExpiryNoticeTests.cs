using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Points;

/// <summary>
/// The nightly <c>points.expiring_soon</c> digest in a brand at UTC+14 (Kiritimati), whose lots expire at 01:00 local, the
/// previous day in UTC: one event per member and local date, on the policy's notice days only, with what is left of the
/// lots expiring within the longest window, never twice however often or concurrently the step runs.
/// </summary>
public abstract class ExpiryNoticeTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    private const string Zone = "Pacific/Kiritimati";
    private static readonly TimeZoneInfo Kiritimati = TimeZoneInfo.FindSystemTimeZoneById(Zone);

    [Fact]
    public async Task Digest_IsSentOnEachNoticeDay_WithTheTotalsAndBreakdownOfTheBrandsLocalDates()
    {
        var (tenant, first, second) = await ScenarioAsync();
        var e1 = LocalDate(first);
        DateOnly.FromDateTime(first.UtcDateTime).ShouldBe(e1.AddDays(-1), "the lot must expire on another date in UTC than in the brand's zone");

        (await NotifyAsync(tenant, e1.AddDays(-30))).ShouldBe(2);
        (await NotifyAsync(tenant, e1.AddDays(-7))).ShouldBe(2);
        (await NotifyAsync(tenant, e1.AddDays(-1))).ShouldBe(2);
        (await NotifyAsync(tenant, LocalDate(second).AddDays(-7))).ShouldBe(1);

        var a = await host.MemberIdAsync(tenant, "a");
        var c = await host.MemberIdAsync(tenant, "c");
        var sent = await host.StoredAsync<PointsExpiringSoon>(tenant);
        sent.Count.ShouldBe(7);
        sent.ShouldAllBe(e => e.AggregateId == "" && e.Sequence == 0 && e.WithinDays == 30);
        sent.ShouldNotContain(e => e.ExternalId == "b");
        var month = sent.Single(e => e.NoticeDate == e1.AddDays(-30) && e.MemberId == a);
        month.ExternalId.ShouldBe("a");
        month.Points.ShouldBe(120);
        month.FirstExpiresAt.ShouldBe(first);
        month.Breakdown.ShouldBe([new ExpiringPoints(120, first)]);
        foreach (var n in new[] { 7, 1 })
        {
            var digest = sent.Single(e => e.NoticeDate == e1.AddDays(-n) && e.MemberId == a);
            digest.Points.ShouldBe(160);
            digest.FirstExpiresAt.ShouldBe(first);
            digest.Breakdown.ShouldBe([new ExpiringPoints(120, first), new ExpiringPoints(40, second)]);
            sent.Single(e => e.NoticeDate == e1.AddDays(-n) && e.MemberId == c).Breakdown.ShouldBe([new ExpiringPoints(20, first)]);
        }
        // Past the first lot's expiry its points are no longer in the window, expired by the night or not.
        sent.Single(e => e.NoticeDate == LocalDate(second).AddDays(-7)).Breakdown.ShouldBe([new ExpiringPoints(40, second)]);
    }

    [Fact]
    public async Task Digest_IsNotSent_OnDaysThatAreNotNoticeDays()
    {
        var (tenant, first, _) = await ScenarioAsync();
        var e1 = LocalDate(first);

        foreach (var n in new[] { 31, 29, 8, 2, 0 }) (await NotifyAsync(tenant, e1.AddDays(-n))).ShouldBe(0, $"{n} days before");

        (await host.StoredAsync<PointsExpiringSoon>(tenant)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Digest_IsSentOncePerMemberAndDay_WhenTheStepRunsAgainAndOnTenNodesAtOnce()
    {
        var (tenant, first, _) = await ScenarioAsync();
        var night = LocalDate(first).AddDays(-7);

        var counts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => NotifyAsync(tenant, night))));
        var again = await NotifyAsync(tenant, night);

        counts.ShouldAllBe(n => n == 2);
        again.ShouldBe(2);
        var sent = await host.StoredAsync<PointsExpiringSoon>(tenant);
        sent.Select(e => e.ExternalId).Order().ShouldBe(["a", "c"]);
        var notices = await host.WithAsync<AppDbContext, List<PointsExpiryNotice>>(tenant, db => db.Set<PointsExpiryNotice>().AsNoTracking().ToListAsync());
        notices.Select(n => n.EventId).Order().ShouldBe(sent.Select(e => e.EventId).Order());
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task Night_RemovesOnlyItsBrandsNoticeRowsOlderThanTheRetention()
    {
        var tenant = await BrandAsync();
        var other = await BrandAsync();
        await tenant.UpsertMember("a");
        await other.UpsertMember("a");
        var night = LocalDate(host.Time().GetUtcNow());
        var kept = night.AddDays(-ExpiryNotices.RetentionDays);
        var purged = kept.AddDays(-1);
        await AddNoticesAsync(tenant, kept, purged);
        await AddNoticesAsync(other, kept, purged);

        await NotifyAsync(tenant, night);

        (await NoticeDatesAsync(tenant)).ShouldBe([kept]);
        (await NoticeDatesAsync(other)).ShouldBe([purged, kept]);
    }

    [Fact]
    public async Task Digest_IsNeverSent_WhenTheBrandTurnedNoticesOff()
    {
        var (tenant, first, _) = await ScenarioAsync();
        await (await tenant.SavePolicy(Policy([]))).ShouldHaveStatus(HttpStatusCode.OK);

        foreach (var n in new[] { 30, 7, 1 }) (await NotifyAsync(tenant, LocalDate(first).AddDays(-n))).ShouldBe(0);

        (await host.StoredAsync<PointsExpiringSoon>(tenant)).ShouldBeEmpty();
        var policy = await (await tenant.Client.GetAsync(tenant.Url("settings/loyalty"))).ShouldHaveStatus(HttpStatusCode.OK);
        policy["expiryNoticeDays"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Policy_IsRefusedNamingExpiryNoticeDays_WhenTheDaysAreOutOfRangeRepeatedOrTooMany()
    {
        var tenant = await host.CreateTenantAsync();
        var fresh = await (await tenant.Client.GetAsync(tenant.Url("settings/loyalty"))).ShouldHaveStatus(HttpStatusCode.OK);
        fresh["expiryNoticeDays"]!.AsArray().Select(d => d!.GetValue<int>()).ShouldBe([30, 7, 1]);

        foreach (var days in new[] { new[] { 0 }, [366], [-1, 7], [7, 7], [1, 2, 3, 4, 5, 6] })
        {
            await (await tenant.SavePolicy(Policy(days))).ShouldBeProblem(HttpStatusCode.BadRequest, "expiryNoticeDays");
        }

        var saved = await (await tenant.SavePolicy(Policy([1, 60, 14]))).ShouldHaveStatus(HttpStatusCode.OK);
        saved["expiryNoticeDays"]!.AsArray().Select(d => d!.GetValue<int>()).ShouldBe([60, 14, 1]);
        var omitted = await (await tenant.SavePolicy(new { expiryMode = "never", returnPolicy = "reverseFully" })).ShouldHaveStatus(HttpStatusCode.OK);
        omitted["expiryNoticeDays"]!.AsArray().Select(d => d!.GetValue<int>()).ShouldBe([30, 7, 1]);
        (await tenant.Client.GetStringAsync(tenant.Url("audit-events?limit=100"))).ShouldContain("expiryNoticeDays");
    }

    /// <summary>
    /// At 01:00 local: a earns 120 and, ten days later, 40; b earns 50 and spends it all; c earns 30 and spends 10. Rolling
    /// one-month expiry; notices 30, 7 and 1 days ahead. Returns the two expiry instants.
    /// </summary>
    private async Task<(TestTenant Tenant, DateTimeOffset First, DateTimeOffset Second)> ScenarioAsync()
    {
        var tenant = await BrandAsync();
        await (await tenant.SavePolicy(Policy([30, 7, 1]))).ShouldHaveStatus(HttpStatusCode.OK);
        foreach (var m in new[] { "a", "b", "c" }) await tenant.UpsertMember(m);
        MoveToUtc(new TimeOnly(11, 0));
        await (await tenant.Adjust("a", 120, "a-1")).ShouldHaveStatus(HttpStatusCode.Created);
        await (await tenant.Adjust("b", 50, "b-1")).ShouldHaveStatus(HttpStatusCode.Created);
        await (await tenant.Adjust("c", 30, "c-1")).ShouldHaveStatus(HttpStatusCode.Created);
        await SpendAsync(tenant, "b", 50);
        await SpendAsync(tenant, "c", 10);
        host.Time().Advance(TimeSpan.FromDays(10));
        await (await tenant.Adjust("a", 40, "a-2")).ShouldHaveStatus(HttpStatusCode.Created);
        var lots = (await tenant.EntriesOf("a")).Select(e => e!["expiresAt"]!.GetValue<DateTimeOffset>()).Order().ToList();
        TimeZoneInfo.ConvertTime(lots[0], Kiritimati).TimeOfDay.ShouldBe(TimeSpan.FromHours(1));
        return (tenant, lots[0], lots[1]);
    }

    private async Task SpendAsync(TestTenant tenant, string externalId, long points)
    {
        var memberId = await host.MemberIdAsync(tenant, externalId);
        var spent = await host.WithAsync<IPointsLedger, SpendResult>(tenant,
            l => l.SpendAsync(new PointsSpend(memberId, points, PointsSource.Redemption, $"red-{externalId}", "test")));
        spent.Outcome.ShouldBe(SpendOutcome.Spent);
    }

    /// <summary>The step as the night of <paramref name="night"/> runs it, with that night's cutoff (02:00 local).</summary>
    private Task<long> NotifyAsync(TestTenant tenant, DateOnly night) =>
        host.WithAsync<PointsExpiryNotifications, long>(tenant,
            n => n.RunAsync(night, PointsExpiryDates.StartOf(night, Kiritimati).AddHours(2), CancellationToken.None));

    private async Task AddNoticesAsync(TestTenant tenant, params DateOnly[] dates)
    {
        var memberId = await host.MemberIdAsync(tenant, "a");
        var now = host.Time().GetUtcNow();
        await host.WithAsync<AppDbContext, int>(tenant, db =>
        {
            foreach (var date in dates)
            {
                db.Add(new PointsExpiryNotice { MemberId = memberId, NoticeDate = date, Points = 1, FirstExpiresAt = now, EventId = $"evt_{Guid.NewGuid():N}", CreatedAt = now });
            }
            return db.SaveChangesAsync();
        });
    }

    private Task<List<DateOnly>> NoticeDatesAsync(TestTenant tenant) =>
        host.WithAsync<AppDbContext, List<DateOnly>>(tenant, db => db.Set<PointsExpiryNotice>().AsNoTracking().OrderBy(n => n.NoticeDate).Select(n => n.NoticeDate).ToListAsync());

    private static object Policy(int[] days) =>
        new { expiryMode = "rollingMonths", expiryCount = 1, returnPolicy = "reverseWithinAvailable", expiryNoticeDays = days };

    private static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Kiritimati).DateTime);

    private void MoveToUtc(TimeOnly utc)
    {
        var now = host.Time().GetUtcNow();
        var target = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + utc.ToTimeSpan();
        while (target < now.AddMinutes(1)) target = target.AddDays(1);
        host.Time().SetUtcNow(target);
    }

    private async Task<TestTenant> BrandAsync()
    {
        var brand = await host.CreateTenantAsync();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.Where(t => t.Id == brand.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.TimeZone, Zone));
        var tenants = scope.ServiceProvider.GetRequiredService<ITenantStore>();
        tenants.Invalidate((await tenants.FindByIdAsync(brand.Id))!);
        return brand;
    }
}

public sealed class ExpiryNoticeTestsOnSqlite(FakeClockSqliteHost host) : ExpiryNoticeTests<FakeClockSqliteHost>(host);

public sealed class ExpiryNoticeTestsOnPostgres(FakeClockPostgresHost host) : ExpiryNoticeTests<FakeClockPostgresHost>(host);
