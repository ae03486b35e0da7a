using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Persistence;

/// <summary>
/// Runs a unit of work again when a unique index refused it because a concurrent request got there first,
/// with a fresh change tracker each time; bounded, so a constraint that can never pass fails instead of spinning.
/// </summary>
internal static class RetryOnConflict
{
    public const int MaxAttempts = 5;

    public static async Task<T> RunAsync<T>(AppDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work(ct);
            }
            catch (Exception ex) when (DbErrors.IsUniqueViolation(ex) && attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                // A little jitter so racing requests do not collide again in lockstep.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), ct);
            }
        }
    }
}
