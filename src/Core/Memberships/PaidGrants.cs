using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tiers;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Memberships;

/// <summary>
/// Writes a member's paid tier into the tier state (<see cref="MemberTier.PaidCode"/>/<see cref="MemberTier.PaidUntil"/>)
/// from their memberships: the highest-ranked one granting now. The tier reader shows the higher of earned and paid;
/// a change is recorded in the tier history (source "paid") and announced as <c>tier.changed</c>, like an earned one.
/// </summary>
public sealed class PaidGrants(AppDbContext db, ITenantContext tenant, IEventPublisher events, TimeProvider time)
{
    public async Task<bool> RecomputeAsync(string memberId, string trigger, CancellationToken ct)
    {
        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("A paid tier needs a tenant in context.");
        var now = time.GetUtcNow();
        var granting = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.MemberId == memberId && m.TierCode != null && m.GrantedUntil != null && m.GrantedUntil > now).ToListAsync(ct);
        var codes = granting.Select(m => m.TierCode!).Distinct().ToList();
        var ranks = await db.Set<TierDefinition>().AsNoTracking().Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Rank, ct);
        var best = granting.Where(m => ranks.ContainsKey(m.TierCode!))
            .OrderByDescending(m => ranks[m.TierCode!]).ThenByDescending(m => m.GrantedUntil).FirstOrDefault();

        await TierSql.EnsureStateAsync(db, tenantId, memberId, ct);
        var rows = db.Set<MemberTier>().Where(m => m.MemberId == memberId);
        await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.Revision, m => m.Revision), ct);
        var state = await rows.AsNoTracking().SingleAsync(ct);
        var code = best?.TierCode;
        var until = best?.GrantedUntil;
        if (state.PaidCode == code && state.PaidUntil == until) return false;
        var since = state.PaidCode == code ? state.PaidSince : code is null ? null : now;
        var revision = state.Revision + 1;
        var updated = await rows.Where(m => m.Revision == state.Revision).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.PaidCode, code)
            .SetProperty(m => m.PaidSince, since)
            .SetProperty(m => m.PaidUntil, until)
            .SetProperty(m => m.Revision, revision), ct);
        if (updated != 1 || state.PaidCode == code) return updated == 1;

        var allRanks = await db.Set<TierDefinition>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Rank, ct);
        var up = (code is null ? 0 : allRanks.GetValueOrDefault(code)) > (state.PaidCode is null ? 0 : allRanks.GetValueOrDefault(state.PaidCode));
        var reason = up ? TierChangeReason.Upgrade : TierChangeReason.Downgrade;
        var change = new MemberTierChange
        {
            TenantId = tenantId, MemberId = memberId, Revision = revision, FromCode = state.PaidCode, ToCode = code,
            Source = TierSources.Paid, Reason = reason, Trigger = trigger.Length <= TierLimits.MaxTriggerLength ? trigger : trigger[..TierLimits.MaxTriggerLength], At = now,
        };
        db.Add(change);
        var sequence = await TierSql.NextMemberSequenceAsync(db, tenantId, memberId, ct);
        events.Publish(new TierChanged(memberId, state.PaidCode, code, TierSources.Paid, reason.ToString(), trigger, null)
        {
            TenantId = tenantId, OccurredAt = now, AggregateId = memberId, Sequence = sequence, ChangeId = change.Id,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
