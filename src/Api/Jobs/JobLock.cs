using Hangfire;
using Hangfire.Storage;

namespace CommunitySaaS.Api.Jobs;

/// <summary>
/// One distributed lock per job id in Hangfire's storage (shared by every node on PostgreSQL or SQL Server).
/// Hangfire's <c>[DisableConcurrentExecution]</c> names its lock after the method, which would put every job behind
/// one lock, since all jobs run through <see cref="RecurringJobRunner"/>; this names it after the job.
/// </summary>
public sealed class JobLock(JobStorage storage)
{
    /// <summary>How long a run waits for the lock before concluding another run of the job holds it.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    /// <summary>The held lock, or null when another run of the job holds it.</summary>
    public IDisposable? TryAcquire(string jobId)
    {
        var connection = storage.GetConnection();
        try
        {
            return new Held(connection, connection.AcquireDistributedLock($"communitysaas:job:{jobId}", Wait));
        }
        catch (DistributedLockTimeoutException)
        {
            connection.Dispose();
            return null;
        }
    }

    /// <summary>Some storages tie the lock to its connection, so the connection lives as long as the lock.</summary>
    private sealed class Held(IStorageConnection connection, IDisposable handle) : IDisposable
    {
        public void Dispose()
        {
            handle.Dispose();
            connection.Dispose();
        }
    }
}
