using Hangfire;

namespace CommunitySaaS.Api.Jobs;

/// <summary>Registers every <see cref="IRecurringJob"/> with Hangfire at start (AddOrUpdate is idempotent across nodes).</summary>
internal sealed class RecurringJobScheduler(IServiceScopeFactory scopes, IRecurringJobManager manager) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var job in scope.ServiceProvider.GetServices<IRecurringJob>())
        {
            var id = job.Id;
            manager.AddOrUpdate<RecurringJobRunner>(id, r => r.RunAsync(id, null, CancellationToken.None), job.Cron);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
