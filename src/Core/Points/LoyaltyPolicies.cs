using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>Reads and stores the current brand's points policy.</summary>
public sealed class LoyaltyPolicies(AppDbContext db, TimeProvider time)
{
    public async Task<LoyaltyPolicy> GetAsync(CancellationToken ct = default) =>
        await db.Set<LoyaltyPolicy>().AsNoTracking().SingleOrDefaultAsync(ct) ?? LoyaltyPolicy.Default;

    public async Task<LoyaltyPolicy> SaveAsync(SaveLoyaltyPolicy body, string actor, CancellationToken ct = default)
    {
        var policy = await db.Set<LoyaltyPolicy>().SingleOrDefaultAsync(ct);
        if (policy is null)
        {
            policy = new LoyaltyPolicy();
            db.Add(policy);
        }
        policy.PendingDelayDays = body.PendingDelayDays;
        policy.ExpiryMode = body.ExpiryMode!.Value;
        policy.ExpiryCount = body.ExpiryMode == ExpiryMode.Never ? 0 : body.ExpiryCount ?? 0;
        policy.ReturnPolicy = body.ReturnPolicy!.Value;
        policy.ExpiryNoticeDays = ExpiryNotices.Normalize(body.ExpiryNoticeDays ?? ExpiryNotices.DefaultDays);
        policy.UpdatedAt = time.GetUtcNow();
        policy.UpdatedBy = actor;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Two first saves raced: the later one applies on top of the row the other created.
            db.ChangeTracker.Clear();
            return await SaveAsync(body, actor, ct);
        }
        return policy;
    }
}
