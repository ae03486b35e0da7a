using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tiers;

/// <summary>The tier a member holds now: the higher of the earned and the (still valid) paid one.</summary>
public sealed class MemberTierReader(AppDbContext db, TimeProvider time) : IMemberTierReader
{
    public async Task<MemberTierView?> GetCurrentAsync(string memberId, CancellationToken ct = default) =>
        (await HeldAsync(memberId, ct)) is { } held ? new MemberTierView(held.Tier.Code, held.Tier.Name, held.Tier.Rank, held.Tier.PointsMultiplier) : null;

    internal async Task<HeldTier?> HeldAsync(string memberId, CancellationToken ct)
    {
        var state = await db.Set<MemberTier>().AsNoTracking().FirstOrDefaultAsync(m => m.MemberId == memberId, ct);
        if (state is null) return null;
        var codes = new[] { state.EarnedCode, state.PaidCode }.OfType<string>().ToList();
        if (codes.Count == 0) return null;
        var tiers = await db.Set<TierDefinition>().AsNoTracking().Where(t => codes.Contains(t.Code)).ToListAsync(ct);
        var earned = tiers.FirstOrDefault(t => t.Code == state.EarnedCode);
        var paidValid = state.PaidUntil is null || state.PaidUntil > time.GetUtcNow();
        var paid = paidValid ? tiers.FirstOrDefault(t => t.Code == state.PaidCode) : null;
        if (paid is not null && (earned is null || paid.Rank > earned.Rank)) return new HeldTier(paid, TierSources.Paid, state.PaidSince, state);
        return earned is null ? null : new HeldTier(earned, TierSources.Earned, state.EarnedSince, state);
    }
}

internal sealed record HeldTier(TierDefinition Tier, string Source, DateTimeOffset? Since, MemberTier State);
