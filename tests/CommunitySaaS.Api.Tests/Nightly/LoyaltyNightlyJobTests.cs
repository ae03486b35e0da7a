using System.Net;
using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Api.Nightly;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Api.Tests.Points;
using CommunitySaaS.Api.Tests.Tiers;
using CommunitySaaS.Core.Jobs;
using CommunitySaaS.Core.Nightly;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Nightly;

/// <summary>
/// The loyalty-nightly job as Hangfire runs it: each brand's night starts at 02:00 in its own zone, is claimed once per
/// (brand, local date) whatever the number of concurrent runs, skips suspended brands, records a failed step without
/// stopping the other brands, and resumes a failed or abandoned night after its last finished step.
/// </summary>
public abstract class LoyaltyNightlyJobTests<THost>(THost host) : IClassFixture<THost> where THost : NightlyHost
{
    [Fact]
    public async Task Job_RunsEachBrandAtItsOwnLocalNight_AndNotBefore()
    {
        var shanghai = await BrandAsync("Asia/Shanghai");
        var saoPaulo = await BrandAsync("America/Sao_Paulo");
        var day = MoveTo(new TimeOnly(17, 30));
        var d = DateOnly.FromDateTime(day.UtcDateTime);

        // 17:30 UTC: 01:30 tomorrow in Shanghai (UTC+8), 14:30 today in São Paulo (UTC-3).
        await RunJobAsync();
        (await NightsAsync(shanghai)).ShouldBeEmpty();
        (await NightsAsync(saoPaulo)).Select(n => n.NightOf).ShouldBe([d]);

        MoveTo(new TimeOnly(18, 1));
        await RunJobAsync();
        (await NightsAsync(shanghai)).Select(n => n.NightOf).ShouldBe([d.AddDays(1)]);
        (await NightsAsync(saoPaulo)).Select(n => n.NightOf).ShouldBe([d]);

        MoveTo(new TimeOnly(4, 59));
        await RunJobAsync();
        (await NightsAsync(saoPaulo)).Select(n => n.NightOf).ShouldBe([d]);

        MoveTo(new TimeOnly(5, 1));
        await RunJobAsync();
        (await NightsAsync(saoPaulo)).Select(n => n.NightOf).ShouldBe([d, d.AddDays(1)]);
        (await NightsAsync(shanghai)).Select(n => n.NightOf).ShouldBe([d.AddDays(1)]);
        foreach (var night in (await NightsAsync(shanghai)).Concat(await NightsAsync(saoPaulo)))
        {
            night.Status.ShouldBe(JobRunStatus.Succeeded);
            night.StepsDone.ShouldBe(LoyaltyNightlyRun.StepCount);
            night.DurationMs.ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task Night_RecordsItsCounts_WhenMembersAreEvaluated()
    {
        var brand = await BrandAsync("UTC");
        await brand.DefineTemplateTiers();
        await brand.UpsertMember("m1");
        await brand.UpsertMember("m2");
        MoveTo(new TimeOnly(3, 0));

        await RunJobAsync();

        var night = (await NightsAsync(brand)).ShouldHaveSingleItem();
        night.Status.ShouldBe(JobRunStatus.Succeeded);
        night.MembersEvaluated.ShouldBe(2);
        night.Cutoff.ShouldBe(host.Time().GetUtcNow(), TimeSpan.FromMilliseconds(1));
        foreach (var step in new[] { "release", "expire" }) host.Probe.CallsOf(brand.Id, step).ShouldBe(1);
        host.Probe.CallsOf(brand.Id, "tiers").ShouldBe(2);
    }

    [Fact]
    public async Task Job_RunsEachBrandsNightOnce_WhenInvokedManyTimesAtOnce()
    {
        var brands = new[] { await BrandAsync("UTC"), await BrandAsync("Europe/Paris") };
        MoveTo(new TimeOnly(3, 0));

        var runs = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(RunJobAsync)));
        // The job's lock lets one run through; the nights' claims must hold without it, as on nodes that do not share it.
        var nights = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => NightAsync(brands[i % 2], $"holder-{i}"))));

        runs.ShouldContain(r => r.Outcome == JobRunOutcome.Succeeded);
        nights.ShouldAllBe(o => o == NightOutcome.AlreadyHandled);
        foreach (var brand in brands)
        {
            (await NightsAsync(brand)).ShouldHaveSingleItem().Status.ShouldBe(JobRunStatus.Succeeded);
            host.Probe.CallsOf(brand.Id, "release").ShouldBe(1);
        }
    }

    [Fact]
    public async Task Night_IsClaimedByExactlyOneHolder_WhenManyStartItAtOnce()
    {
        var brand = await BrandAsync("UTC");
        MoveTo(new TimeOnly(3, 0));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => NightAsync(brand, $"holder-{i}"))));

        outcomes.Count(o => o == NightOutcome.Ran).ShouldBe(1);
        outcomes.Count(o => o == NightOutcome.AlreadyHandled).ShouldBe(19);
        (await NightsAsync(brand)).ShouldHaveSingleItem().StepsDone.ShouldBe(LoyaltyNightlyRun.StepCount);
        host.Probe.CallsOf(brand.Id, "release").ShouldBe(1);
        host.Probe.CallsOf(brand.Id, "tiers").ShouldBe(2);
    }

    [Fact]
    public async Task Job_SkipsABrand_WhenItIsSuspended()
    {
        var suspended = await BrandAsync("UTC");
        var active = await BrandAsync("UTC");
        using var platform = host.PlatformClient();
        await (await platform.PostAsync($"/api/v1/platform/tenants/{suspended.Slug}/suspend", null)).ShouldHaveStatus(HttpStatusCode.OK);
        MoveTo(new TimeOnly(3, 0));

        await RunJobAsync();

        (await NightsAsync(suspended)).ShouldBeEmpty();
        host.Probe.CallsOf(suspended.Id, "release").ShouldBe(0);
        (await NightsAsync(active)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Job_RecordsAFailedNight_AndRunsTheOtherBrand_ThenTheRetryResumesAfterTheLastFinishedStep()
    {
        var failing = await BrandAsync("UTC");
        var other = await BrandAsync("UTC");
        host.Probe.Failing[failing.Id] = "expire";
        MoveTo(new TimeOnly(3, 0));
        var key = Guid.NewGuid().ToString("N");

        (await RunJobAsync(key)).Outcome.ShouldBe(JobRunOutcome.Failed);

        var failed = (await NightsAsync(failing)).ShouldHaveSingleItem();
        failed.Status.ShouldBe(JobRunStatus.Failed);
        failed.StepsDone.ShouldBe(2);
        failed.Error!.ShouldContain("set to fail");
        failed.DurationMs.ShouldNotBeNull();
        (await NightsAsync(other)).ShouldHaveSingleItem().Status.ShouldBe(JobRunStatus.Succeeded);

        host.Probe.Failing.TryRemove(failing.Id, out _);
        host.Time().Advance(TimeSpan.FromMinutes(15));
        (await RunJobAsync(key)).Outcome.ShouldBe(JobRunOutcome.Succeeded);

        var resumed = (await NightsAsync(failing)).ShouldHaveSingleItem();
        resumed.Status.ShouldBe(JobRunStatus.Succeeded);
        resumed.StepsDone.ShouldBe(LoyaltyNightlyRun.StepCount);
        resumed.Error.ShouldBeNull();
        resumed.Cutoff.ShouldBe(failed.Cutoff);
        host.Probe.CallsOf(failing.Id, "release").ShouldBe(1);
        host.Probe.CallsOf(failing.Id, "expire").ShouldBe(2);
        host.Probe.CallsOf(failing.Id, "tiers").ShouldBe(2);
        host.Probe.CallsOf(other.Id, "release").ShouldBe(1);
    }

    [Fact]
    public async Task Night_IsTakenOver_OnlyOnceItsLeaseRanOut_WhenItsNodeDiedMidRun()
    {
        var brand = await BrandAsync("UTC");
        var now = MoveTo(new TimeOnly(3, 0));
        await host.InTenant(brand, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.Set<LoyaltyNightlyRun>().Add(new LoyaltyNightlyRun
            {
                NightOf = DateOnly.FromDateTime(now.UtcDateTime), Cutoff = now, JobRunId = "dead-node", Status = JobRunStatus.Running, StartedAt = now,
                StepsDone = 1, PointsReleased = 7,
            });
            return await db.SaveChangesAsync();
        });

        (await NightAsync(brand, "early")).ShouldBe(NightOutcome.AlreadyHandled);
        host.Time().Advance(TimeSpan.FromMinutes(61));
        (await NightAsync(brand, "late")).ShouldBe(NightOutcome.Ran);

        var night = (await NightsAsync(brand)).ShouldHaveSingleItem();
        night.Status.ShouldBe(JobRunStatus.Succeeded);
        night.StepsDone.ShouldBe(LoyaltyNightlyRun.StepCount);
        night.PointsReleased.ShouldBe(7);
        night.Cutoff.ShouldBe(now, TimeSpan.FromMilliseconds(1));
        host.Probe.CallsOf(brand.Id, "release").ShouldBe(0);
        host.Probe.CallsOf(brand.Id, "tiers").ShouldBe(2);
    }

    [Fact]
    public async Task Night_SendsTheExpiryDigestAsItsLastStep_AndCountsItOnce_WhenACrashedRunHadSentItBeforeItsCheckpoint()
    {
        var brand = await BrandAsync("Pacific/Kiritimati");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");
        await (await brand.SavePolicy(new { expiryMode = "rollingMonths", expiryCount = 1, returnPolicy = "reverseFully", expiryNoticeDays = new[] { 7 } }))
            .ShouldHaveStatus(HttpStatusCode.OK);
        await brand.UpsertMember("m1");
        await brand.UpsertMember("m2");
        await (await brand.Adjust("m1", 25, "k-1")).ShouldHaveStatus(HttpStatusCode.Created);
        await (await brand.Adjust("m2", 5, "k-2")).ShouldHaveStatus(HttpStatusCode.Created);
        var expiresAt = (await brand.EntriesOf("m1")).Single()!["expiresAt"]!.GetValue<DateTimeOffset>();
        var night = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(expiresAt, zone).DateTime).AddDays(-7);
        // 03:00 on the night's local date, at UTC+14.
        host.Time().SetUtcNow(new DateTimeOffset(night.ToDateTime(new TimeOnly(3, 0)), TimeSpan.FromHours(14)).ToUniversalTime());
        (await host.InTenant(brand, sp => sp.GetRequiredService<PointsExpiryNotifications>().RunAsync(night, host.Time().GetUtcNow(), CancellationToken.None)))
            .ShouldBe(2);

        (await NightAsync(brand, "after-crash")).ShouldBe(NightOutcome.Ran);
        (await NightAsync(brand, "again")).ShouldBe(NightOutcome.AlreadyHandled);

        var run = (await NightsAsync(brand)).ShouldHaveSingleItem();
        run.NightOf.ShouldBe(night);
        run.StepsDone.ShouldBe(LoyaltyNightlyRun.StepCount);
        run.ExpiryNoticesSent.ShouldBe(2);
        host.Probe.CallsOf(brand.Id, "notify").ShouldBe(1);
        var sent = await host.StoredAsync<PointsExpiringSoon>(brand);
        sent.Select(e => (e.ExternalId, e.Points, e.NoticeDate)).Order().ShouldBe([("m1", 25L, night), ("m2", 5L, night)]);
    }

    /// <summary>Moves the fake clock forward to the next <paramref name="utc"/> time of day, at least a minute from now.</summary>
    private DateTimeOffset MoveTo(TimeOnly utc)
    {
        var now = host.Time().GetUtcNow();
        var target = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + utc.ToTimeSpan();
        while (target < now.AddMinutes(1)) target = target.AddDays(1);
        host.Time().SetUtcNow(target);
        return target;
    }

    private async Task<TestTenant> BrandAsync(string timeZone)
    {
        var brand = await host.CreateTenantAsync();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.Where(t => t.Id == brand.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.TimeZone, timeZone));
        var tenants = scope.ServiceProvider.GetRequiredService<ITenantStore>();
        tenants.Invalidate((await tenants.FindByIdAsync(brand.Id))!);
        return brand;
    }

    private async Task<JobRunResult> RunJobAsync() => await RunJobAsync(Guid.NewGuid().ToString("N"));

    private async Task<JobRunResult> RunJobAsync(string key)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunOnceAsync(LoyaltyNightlyJob.JobId, key, CancellationToken.None);
    }

    private Task<NightOutcome> NightAsync(TestTenant brand, string holder) => host.InTenant(brand, sp =>
        sp.GetRequiredService<LoyaltyNight>().RunAsync(
            sp.GetRequiredService<ITenantContext>().Tenant!, host.Time().GetUtcNow(), holder, CancellationToken.None));

    private Task<List<LoyaltyNightlyRun>> NightsAsync(TestTenant brand) =>
        host.InTenant(brand, sp => sp.GetRequiredService<AppDbContext>().Set<LoyaltyNightlyRun>().AsNoTracking().OrderBy(n => n.NightOf).ToListAsync());
}

public sealed class LoyaltyNightlyJobTestsOnSqlite(NightlySqliteHost host) : LoyaltyNightlyJobTests<NightlySqliteHost>(host);

public sealed class LoyaltyNightlyJobTestsOnPostgres(NightlyPostgresHost host) : LoyaltyNightlyJobTests<NightlyPostgresHost>(host);
