using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tiers;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Memberships;

/// <summary>
/// Ends paid tiers whose grant ran out with no webhook to say so (a grace period that ended, a cancellation at the
/// period's end): the tier reader already ignores an expired paid tier, this writes it down with its history and event.
/// Safe to run again: a member whose state is already right is left alone.
/// </summary>
public sealed class MembershipExpiry(AppDbContext db, PaidGrants grants, TimeProvider time)
{
    public async Task<int> RunAsync(string trigger, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await db.Set<MemberTier>().AsNoTracking().Where(m => m.PaidCode != null && m.PaidUntil != null && m.PaidUntil <= now)
            .Select(m => m.MemberId).Take(1000).ToListAsync(ct);
        var changed = 0;
        foreach (var memberId in due)
        {
            if (await grants.RecomputeAsync(memberId, trigger, ct)) changed++;
        }
        return changed;
    }
}
