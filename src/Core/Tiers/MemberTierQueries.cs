using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.RuleSets;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tiers;

/// <summary>What the storefront and the console read about one member's tier: the block, and the history.</summary>
public sealed class MemberTierQueries(AppDbContext db, MemberTierReader reader, NextTierProbe probe)
{
    /// <summary>The tier block of a member by internal id (the loyalty summary calls this).</summary>
    public async Task<MemberTierBlock> BlockAsync(string memberId, CancellationToken ct = default)
    {
        var held = await reader.HeldAsync(memberId, ct);
        var next = await probe.NextAsync(memberId, held?.Tier.Rank ?? 0, ct);
        if (held is null) return new MemberTierBlock(null, null, null, null, null, null, null, next);
        return new MemberTierBlock(
            held.Tier.Code, held.Tier.Name, held.Since, held.Source, TierDefinitionService.BenefitsOf(held.Tier),
            held.Source == TierSources.Earned ? held.State.ReevaluateAt : held.State.PaidUntil,
            held.Source == TierSources.Earned ? held.State.GraceUntil : null, next);
    }

    public async Task<ServiceResult<MemberTierBlock>> BlockByExternalIdAsync(string externalId, CancellationToken ct = default) =>
        await MemberIdAsync(externalId, ct) is { } id
            ? ServiceResult<MemberTierBlock>.Ok(await BlockAsync(id, ct))
            : ServiceResult<MemberTierBlock>.NotFound($"No member with id '{externalId}'.");

    public async Task<ServiceResult<Page<TierChangeView>>> HistoryAsync(string externalId, PageRequest page, CancellationToken ct = default)
    {
        if (await MemberIdAsync(externalId, ct) is not { } id) return ServiceResult<Page<TierChangeView>>.NotFound($"No member with id '{externalId}'.");
        return ServiceResult<Page<TierChangeView>>.Ok(await HistoryOfAsync(id, page, ct));
    }

    public async Task<Page<TierChangeView>> HistoryOfAsync(string memberId, PageRequest page, CancellationToken ct = default)
    {
        var rows = await db.Set<MemberTierChange>().AsNoTracking().Where(c => c.MemberId == memberId).Window(c => c.Id, page).ToListAsync(ct);
        var externalId = await db.ExternalIdOfAsync(memberId, ct);
        return page.ToPage(rows, c => c.Id).Map(c => View(c, externalId));
    }

    internal static TierChangeView View(MemberTierChange c, string memberExternalId) => new(
        c.Id, c.MemberId, memberExternalId, c.FromCode, c.ToCode, c.Source, c.Reason, c.Trigger, c.RuleSetVersionId, c.RuleSetVersion, c.RuleName,
        c.Points12m, c.Spend12m, c.Orders12m, c.GraceUntil, c.At);

    private Task<string?> MemberIdAsync(string externalId, CancellationToken ct) =>
        db.Members.AsNoTracking().Where(m => m.ExternalId == externalId).Select(m => m.Id).FirstOrDefaultAsync(ct);
}
