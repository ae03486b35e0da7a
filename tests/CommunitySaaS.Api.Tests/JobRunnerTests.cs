using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Idempotency;
using CommunitySaaS.Core.Jobs;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests;

public abstract class JobRunnerTests<THost>(THost host) : IClassFixture<THost> where THost : JobHost
{
    [Fact]
    public async Task Run_SkipsASecondRunOfTheSameJob_WhileTheFirstHoldsItsLock()
    {
        var before = host.Probe.CallsOf(JobHost.GateA);
        host.Probe.Hold(JobHost.GateA);
        var first = RunAsync(JobHost.GateA, Key());
        await host.Probe.Entered(JobHost.GateA);

        var second = await RunAsync(JobHost.GateA, Key());
        host.Probe.Release(JobHost.GateA);

        second.Outcome.ShouldBe(JobRunOutcome.Skipped);
        (await first).Outcome.ShouldBe(JobRunOutcome.Succeeded);
        host.Probe.CallsOf(JobHost.GateA).ShouldBe(before + 1);
        // The lock is released with the run: the next run of the job goes ahead.
        (await RunAsync(JobHost.GateA, Key())).Outcome.ShouldBe(JobRunOutcome.Succeeded);
    }

    [Fact]
    public async Task Run_RunsTwoDifferentJobsAtOnce()
    {
        host.Probe.Hold(JobHost.GateA);
        host.Probe.Hold(JobHost.GateB);
        var a = RunAsync(JobHost.GateA, Key());
        var b = RunAsync(JobHost.GateB, Key());

        // Both are inside their step at the same time: neither job's lock stands in the other's way.
        await Task.WhenAll(host.Probe.Entered(JobHost.GateA), host.Probe.Entered(JobHost.GateB));
        host.Probe.Release(JobHost.GateA);
        host.Probe.Release(JobHost.GateB);

        (await a).Outcome.ShouldBe(JobRunOutcome.Succeeded);
        (await b).Outcome.ShouldBe(JobRunOutcome.Succeeded);
    }

    [Fact]
    public async Task Run_RecordsAFailingBrand_AndStillRunsTheOthers()
    {
        var failing = await host.CreateTenantAsync();
        var healthy = await host.CreateTenantAsync();
        host.Probe.Failing[failing.Id] = true;

        var result = await RunAsync(JobHost.PerBrand, Key());

        result.Outcome.ShouldBe(JobRunOutcome.Failed);
        var steps = await StepsAsync(result.Run!);
        steps[healthy.Id].Status.ShouldBe(JobRunStatus.Succeeded);
        steps[failing.Id].Status.ShouldBe(JobRunStatus.Failed);
        steps[failing.Id].Error!.ShouldContain("set to fail");
        result.Run!.Error!.ShouldContain(failing.Id);
        result.Run.StepsFailed.ShouldBeGreaterThanOrEqualTo(1);
        result.Run.DurationMs.ShouldNotBeNull();
        // Hangfire's entry throws after recording, so that Hangfire retries the run.
        await using var scope = host.Services.CreateAsyncScope();
        await Should.ThrowAsync<JobRunIncompleteException>(() => scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync(JobHost.PerBrand, null, CancellationToken.None));
    }

    [Fact]
    public async Task Retry_ResumesFromTheCheckpoint_WithTheFirstAttemptsCutoff()
    {
        var failing = await host.CreateTenantAsync();
        var healthy = await host.CreateTenantAsync();
        host.Probe.Failing[failing.Id] = true;
        var key = Key();
        var first = await RunAsync(JobHost.PerBrand, key);
        first.Outcome.ShouldBe(JobRunOutcome.Failed);
        host.Probe.Failing.TryRemove(failing.Id, out _);
        await Task.Delay(10);

        var retry = await RunAsync(JobHost.PerBrand, key);

        retry.Outcome.ShouldBe(JobRunOutcome.Succeeded);
        retry.Run!.Id.ShouldBe(first.Run!.Id);
        retry.Run.Attempts.ShouldBe(2);
        host.Probe.CallsOf(healthy.Id).ShouldBe(1);
        host.Probe.CallsOf(failing.Id).ShouldBe(2);
        host.Probe.Cutoffs[(failing.Id, 2)].ShouldBe(host.Probe.Cutoffs[(failing.Id, 1)]);
        retry.Run.Cutoff.ShouldBe(first.Run.Cutoff);
        (await StepsAsync(retry.Run)).Values.ShouldAllBe(s => s.Status == JobRunStatus.Succeeded);
    }

    [Fact]
    public async Task TryClaimStep_ClaimsExactlyOnce_WhenTwentyHoldersOfOneRunRace()
    {
        JobRun run;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            run = await scope.ServiceProvider.GetRequiredService<JobRunStore>().BeginAsync("test-claims", Key(), CancellationToken.None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<JobRunStore>().TryClaimStepAsync(run, "ten_race", CancellationToken.None);
        })));

        claims.Count(c => c).ShouldBe(1);
    }

    [Fact]
    public async Task PurgeIdempotencyKeys_RunsOnTheNewContract_AndDeletesOnlyExpiredRecords()
    {
        var expired = $"expired-{Guid.NewGuid():N}";
        var live = $"live-{Guid.NewGuid():N}";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = "test", Key = expired, RequestHash = "h", CreatedAt = now.AddDays(-2), ExpiresAt = now.AddDays(-1) });
            db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = "test", Key = live, RequestHash = "h", CreatedAt = now, ExpiresAt = now.AddDays(1) });
            await db.SaveChangesAsync();
        }

        var result = await RunAsync("purge-idempotency-keys", Key());

        result.Outcome.ShouldBe(JobRunOutcome.Succeeded);
        result.Run!.Items.ShouldBeGreaterThanOrEqualTo(1);
        (await StepsAsync(result.Run)).Keys.ShouldBe([JobRunStep.PlatformStep]);
        await using var check = host.Services.CreateAsyncScope();
        var keys = await check.ServiceProvider.GetRequiredService<AppDbContext>().IdempotencyRecords.Where(r => r.Scope == "test").Select(r => r.Key).ToListAsync();
        keys.ShouldContain(live);
        keys.ShouldNotContain(expired);
    }

    private static string Key() => Guid.NewGuid().ToString("N");

    private async Task<JobRunResult> RunAsync(string jobId, string key)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunOnceAsync(jobId, key, CancellationToken.None);
    }

    private async Task<Dictionary<string, JobRunStep>> StepsAsync(JobRun run)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<JobRunStore>().StepsAsync(run.Id, CancellationToken.None)).ToDictionary(s => s.StepKey);
    }
}

public sealed class JobRunnerTestsOnSqlite(JobSqliteHost host) : JobRunnerTests<JobSqliteHost>(host);

public sealed class JobRunnerTestsOnPostgres(JobPostgresHost host) : JobRunnerTests<JobPostgresHost>(host);
