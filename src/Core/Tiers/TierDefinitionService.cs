using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tiers;

/// <summary>A brand's tier definitions and tier policy: what the REST API and the console both edit.</summary>
public sealed class TierDefinitionService(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<TierView>> ListAsync(CancellationToken ct = default)
    {
        var tiers = await db.Set<TierDefinition>().AsNoTracking().OrderByDescending(t => t.Rank).ToListAsync(ct);
        var counts = await HoldersAsync(ct);
        return tiers.Select(t => ToView(t, counts.GetValueOrDefault(t.Code))).ToList();
    }

    public async Task<ServiceResult<TierView>> GetAsync(string code, CancellationToken ct = default)
    {
        var tier = await db.Set<TierDefinition>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct);
        return tier is null ? NotFound(code) : ServiceResult<TierView>.Ok(ToView(tier, (await HoldersAsync(ct)).GetValueOrDefault(code)));
    }

    public async Task<ServiceResult<TierView>> CreateAsync(CreateTier command, CancellationToken ct = default)
    {
        var tiers = db.Set<TierDefinition>();
        if (await tiers.AnyAsync(t => t.Code == command.Code, ct)) return ServiceResult<TierView>.Conflict($"A tier with code '{command.Code}' already exists.");
        if (await tiers.AnyAsync(t => t.Rank == command.Rank, ct)) return RankTaken(command.Rank);
        if (await tiers.CountAsync(ct) >= TierLimits.MaxTiers) return ServiceResult<TierView>.Conflict($"A brand has at most {TierLimits.MaxTiers} tiers.");
        var now = time.GetUtcNow();
        var tier = new TierDefinition { Code = command.Code, Name = command.Name.Trim(), Rank = command.Rank, CreatedAt = now, UpdatedAt = now };
        Apply(tier, command.Benefits);
        tiers.Add(tier);
        return await SaveAsync(tier, ServiceResult<TierView>.Created(ToView(tier, 0)), ct);
    }

    public async Task<ServiceResult<TierView>> UpdateAsync(string code, UpdateTier command, CancellationToken ct = default)
    {
        var tier = await db.Set<TierDefinition>().FirstOrDefaultAsync(t => t.Code == code, ct);
        if (tier is null) return NotFound(code);
        if (await db.Set<TierDefinition>().AnyAsync(t => t.Rank == command.Rank && t.Code != code, ct)) return RankTaken(command.Rank);
        tier.Name = command.Name.Trim();
        tier.Rank = command.Rank;
        tier.UpdatedAt = time.GetUtcNow();
        Apply(tier, command.Benefits);
        return await SaveAsync(tier, ServiceResult<TierView>.Ok(ToView(tier, (await HoldersAsync(ct)).GetValueOrDefault(code))), ct);
    }

    /// <summary>Refused while any member holds the tier: their state and history name it.</summary>
    public async Task<ServiceResult<TierView>> DeleteAsync(string code, CancellationToken ct = default)
    {
        var tier = await db.Set<TierDefinition>().FirstOrDefaultAsync(t => t.Code == code, ct);
        if (tier is null) return NotFound(code);
        var held = await db.Set<MemberTier>().CountAsync(m => m.EarnedCode == code || m.PaidCode == code, ct);
        if (held > 0) return ServiceResult<TierView>.Conflict($"Tier '{code}' is held by {held} member(s); it cannot be deleted while anyone holds it.");
        db.Remove(tier);
        await db.SaveChangesAsync(ct);
        return ServiceResult<TierView>.Ok(ToView(tier, 0));
    }

    public async Task<TierPolicyView> GetPolicyAsync(CancellationToken ct = default)
    {
        var policy = await db.Set<TierPolicy>().AsNoTracking().FirstOrDefaultAsync(ct) ?? TierPolicy.Default;
        return new TierPolicyView(policy.ReevaluationMonths, policy.GraceDays);
    }

    public async Task<TierPolicyView> UpdatePolicyAsync(UpdateTierPolicy command, CancellationToken ct = default)
    {
        var policy = await db.Set<TierPolicy>().FirstOrDefaultAsync(ct);
        if (policy is null)
        {
            policy = new TierPolicy();
            db.Add(policy);
        }
        policy.ReevaluationMonths = command.ReevaluationMonths;
        policy.GraceDays = command.GraceDays;
        policy.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new TierPolicyView(policy.ReevaluationMonths, policy.GraceDays);
    }

    /// <summary>Members per earned tier (and "no tier"), for the dashboard chart; counted in the database.</summary>
    public async Task<IReadOnlyList<TierCount>> CountsAsync(CancellationToken ct = default)
    {
        var tiers = await db.Set<TierDefinition>().AsNoTracking().OrderByDescending(t => t.Rank).ToListAsync(ct);
        var counts = await HoldersAsync(ct);
        var members = await db.Members.LongCountAsync(ct);
        var rows = tiers.Select(t => new TierCount(t.Code, t.Name, counts.GetValueOrDefault(t.Code))).ToList();
        rows.Add(new TierCount(null, "No tier", members - rows.Sum(r => r.Members)));
        return rows;
    }

    private async Task<Dictionary<string, int>> HoldersAsync(CancellationToken ct) =>
        await db.Set<MemberTier>().AsNoTracking().Where(m => m.EarnedCode != null)
            .GroupBy(m => m.EarnedCode!).Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Code, x => x.Count, ct);

    private async Task<ServiceResult<TierView>> SaveAsync(TierDefinition tier, ServiceResult<TierView> ok, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return ok;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A concurrent create or edit took the code or the rank between the check and the insert.
            db.ChangeTracker.Clear();
            return ServiceResult<TierView>.Conflict($"Another tier took code '{tier.Code}' or rank {tier.Rank} meanwhile.");
        }
    }

    private static void Apply(TierDefinition tier, TierBenefits benefits)
    {
        tier.PointsMultiplier = benefits.PointsMultiplier;
        tier.DiscountPercent = benefits.DiscountPercent;
        tier.FreeShipping = benefits.FreeShipping;
        tier.CustomBenefits = string.IsNullOrWhiteSpace(benefits.Custom) ? null : benefits.Custom.Trim();
    }

    internal static TierBenefits BenefitsOf(TierDefinition t) => new(t.PointsMultiplier, t.DiscountPercent, t.FreeShipping, t.CustomBenefits);

    private static TierView ToView(TierDefinition t, int members) => new(t.Id, t.Code, t.Name, t.Rank, BenefitsOf(t), members, t.CreatedAt, t.UpdatedAt);

    private static ServiceResult<TierView> NotFound(string code) => ServiceResult<TierView>.NotFound($"No tier with code '{code}'.");

    private static ServiceResult<TierView> RankTaken(int rank) => ServiceResult<TierView>.Conflict($"Another tier already has rank {rank}; ranks are unique per brand.");
}
