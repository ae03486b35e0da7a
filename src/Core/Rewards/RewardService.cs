using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tiers;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Rewards;

/// <summary>The catalog: what a brand offers for points, and what one member may see of it.</summary>
public sealed class RewardService(AppDbContext db, IMemberTierReader tiers, TimeProvider time)
{
    public async Task<ServiceResult<RewardView>> CreateAsync(SaveReward command, CancellationToken ct = default)
    {
        if (await db.Set<Reward>().AnyAsync(r => r.Code == command.Code, ct))
            return ServiceResult<RewardView>.Invalid("code", $"A reward with code '{command.Code}' exists already.");
        var now = time.GetUtcNow();
        var reward = new Reward { Code = command.Code, Name = command.Name, CreatedAt = now };
        Apply(reward, command, now);
        reward.Remaining = command.Kind == RewardKind.Coupon ? 0 : command.Stock;
        db.Add(reward);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return ServiceResult<RewardView>.Invalid("code", $"A reward with code '{command.Code}' exists already.");
        }
        return ServiceResult<RewardView>.Created(ToView(reward));
    }

    /// <summary>Stock set here replaces what is left (a restock); a coupon's kind and stock stay with its pool.</summary>
    public async Task<ServiceResult<RewardView>> UpdateAsync(string rewardId, SaveReward command, CancellationToken ct = default)
    {
        var reward = await db.Set<Reward>().FirstOrDefaultAsync(r => r.Id == rewardId, ct);
        if (reward is null) return NotFound(rewardId);
        if (reward.Code != command.Code && await db.Set<Reward>().AnyAsync(r => r.Code == command.Code, ct))
            return ServiceResult<RewardView>.Invalid("code", $"A reward with code '{command.Code}' exists already.");
        if (reward.Kind != command.Kind)
            return ServiceResult<RewardView>.Invalid("kind", "A reward's kind cannot change; create another reward.");
        reward.Code = command.Code;
        Apply(reward, command, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (reward.Kind == RewardKind.Product)
        {
            var stock = command.Stock;
            await db.Set<Reward>().Where(r => r.Id == rewardId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Remaining, stock), ct);
            reward.Remaining = stock;
        }
        return ServiceResult<RewardView>.Ok(ToView(reward));
    }

    public async Task<ServiceResult<RewardView>> GetAsync(string rewardId, CancellationToken ct = default)
    {
        var reward = await db.Set<Reward>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == rewardId, ct);
        return reward is null ? NotFound(rewardId) : ServiceResult<RewardView>.Ok(ToView(reward));
    }

    /// <summary>Every reward, disabled and out-of-date ones included (the console's catalog).</summary>
    public async Task<Page<RewardView>> ListAllAsync(PageRequest page, CancellationToken ct = default)
    {
        var rows = await db.Set<Reward>().AsNoTracking().Window(r => r.Id, page).ToListAsync(ct);
        return page.ToPage(rows, r => r.Id).Map(ToView);
    }

    /// <summary>What a storefront shows: enabled, valid now, and (for a named member) open to their tier.</summary>
    public async Task<ServiceResult<Page<RewardView>>> ListVisibleAsync(string? memberExternalId, PageRequest page, CancellationToken ct = default)
    {
        string? tier = null;
        if (memberExternalId is not null)
        {
            var memberId = await db.Set<Member>().Where(m => m.ExternalId == memberExternalId).Select(m => m.Id).FirstOrDefaultAsync(ct);
            if (memberId is null) return ServiceResult<Page<RewardView>>.NotFound($"No member with id '{memberExternalId}'.");
            tier = (await tiers.GetCurrentAsync(memberId, ct))?.Code;
        }
        var now = time.GetUtcNow();
        var visible = new List<Reward>();
        var window = page;
        // Tier filtering is in memory over a keyset window, so keep reading windows until the page is full.
        while (true)
        {
            var rows = await db.Set<Reward>().AsNoTracking()
                .Where(r => r.Enabled && (r.ValidFrom == null || r.ValidFrom <= now) && (r.ValidUntil == null || r.ValidUntil > now))
                .Window(r => r.Id, window).ToListAsync(ct);
            var more = rows.Count > window.SafeLimit;
            if (more) rows.RemoveAt(rows.Count - 1);
            visible.AddRange(rows.Where(r => memberExternalId is null || r.AllowedTiers.Count == 0 || (tier is not null && r.AllowedTiers.Contains(tier))));
            if (!more || visible.Count > page.SafeLimit) break;
            window = window with { After = Cursor.Encode(rows[^1].Id) };
        }
        return ServiceResult<Page<RewardView>>.Ok(page.ToPage(visible.Take(page.SafeLimit + 1).ToList(), r => r.Id).Map(ToView));
    }

    private static void Apply(Reward reward, SaveReward command, DateTimeOffset now)
    {
        reward.Name = command.Name.Trim();
        reward.Description = command.Description;
        reward.Kind = command.Kind!.Value;
        reward.PointsCost = command.PointsCost;
        reward.PerMemberLimit = command.PerMemberLimit;
        reward.AllowedTiers = command.AllowedTiers?.Select(t => t.Trim()).Distinct().ToList() ?? [];
        reward.ValidFrom = command.ValidFrom;
        reward.ValidUntil = command.ValidUntil;
        reward.Enabled = command.Enabled;
        reward.UpdatedAt = now;
    }

    internal static ServiceResult<RewardView> NotFound(string rewardId) => ServiceResult<RewardView>.NotFound($"No reward with id '{rewardId}'.");

    internal static RewardView ToView(Reward r) =>
        new(r.Id, r.Code, r.Name, r.Description, r.Kind, r.PointsCost, r.Remaining, r.PerMemberLimit, r.AllowedTiers, r.ValidFrom, r.ValidUntil, r.Enabled, r.CreatedAt);
}
