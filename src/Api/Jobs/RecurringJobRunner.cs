using Hangfire;

namespace CommunitySaaS.Api.Jobs;

/// <summary>What Hangfire invokes: resolves the job by id in a fresh scope.</summary>
public sealed class RecurringJobRunner(IEnumerable<IRecurringJob> jobs, ILogger<RecurringJobRunner> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(string jobId, CancellationToken ct)
    {
        var job = jobs.FirstOrDefault(j => j.Id == jobId)
            ?? throw new InvalidOperationException($"No recurring job '{jobId}' is registered on this node.");
        logger.LogInformation("Job {JobId} starting", jobId);
        await job.RunAsync(ct);
        logger.LogInformation("Job {JobId} done", jobId);
    }
}
