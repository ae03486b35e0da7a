using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tiers;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Memberships;

/// <summary>Which tiers a brand sells and at which Stripe prices, and its membership policy: what the API and the console edit.</summary>
public sealed class PaidTierService(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<PaidTierView>> ListAsync(CancellationToken ct = default)
    {
        var tiers = await db.Set<TierDefinition>().AsNoTracking().OrderByDescending(t => t.Rank).ToListAsync(ct);
        var paid = await db.Set<PaidTier>().AsNoTracking().ToDictionaryAsync(p => p.TierCode, ct);
        var now = time.GetUtcNow();
        var active = await db.Set<Membership>().AsNoTracking().Where(m => m.TierCode != null && m.GrantedUntil != null && m.GrantedUntil > now)
            .GroupBy(m => m.TierCode!).Select(g => new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Code, x => x.Count, ct);
        return tiers.Select(t => View(t, paid.GetValueOrDefault(t.Code), active.GetValueOrDefault(t.Code))).ToList();
    }

    public async Task<ServiceResult<PaidTierView>> PutAsync(string code, PutPaidTier body, CancellationToken ct = default)
    {
        var tier = await db.Set<TierDefinition>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct);
        if (tier is null) return ServiceResult<PaidTierView>.NotFound($"No tier with code '{code}'.");
        if (body.ForSale && body.MonthlyPriceId is null && body.YearlyPriceId is null)
            return ServiceResult<PaidTierView>.Invalid("monthlyPriceId", "A tier for sale needs a monthlyPriceId or a yearlyPriceId.");
        var taken = await db.Set<PaidTier>().AsNoTracking().Where(p => p.TierCode != code && (
                (body.MonthlyPriceId != null && (p.MonthlyPriceId == body.MonthlyPriceId || p.YearlyPriceId == body.MonthlyPriceId))
                || (body.YearlyPriceId != null && (p.MonthlyPriceId == body.YearlyPriceId || p.YearlyPriceId == body.YearlyPriceId))))
            .Select(p => p.TierCode).FirstOrDefaultAsync(ct);
        if (taken is not null) return ServiceResult<PaidTierView>.Conflict($"That Stripe price already sells tier '{taken}': a price names one tier.");
        if (body.MonthlyPriceId is not null && body.MonthlyPriceId == body.YearlyPriceId)
            return ServiceResult<PaidTierView>.Invalid("yearlyPriceId", "The monthly and yearly prices must differ.");

        var paid = await db.Set<PaidTier>().FirstOrDefaultAsync(p => p.TierCode == code, ct);
        if (paid is null)
        {
            paid = new PaidTier { TierCode = code };
            db.Add(paid);
        }
        paid.ForSale = body.ForSale;
        paid.MonthlyPriceId = body.MonthlyPriceId;
        paid.YearlyPriceId = body.YearlyPriceId;
        paid.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return ServiceResult<PaidTierView>.Conflict($"Tier '{code}' was put on sale by another request meanwhile; try again.");
        }
        return ServiceResult<PaidTierView>.Ok(View(tier, paid, 0));
    }

    public async Task<MembershipSettingsView> GetSettingsAsync(CancellationToken ct = default)
    {
        var settings = await db.Set<MembershipSettings>().AsNoTracking().FirstOrDefaultAsync(ct) ?? MembershipSettings.Default;
        return new MembershipSettingsView(settings.GraceDays, settings.RevokeOnRefund);
    }

    public async Task<MembershipSettingsView> PutSettingsAsync(PutMembershipSettings body, CancellationToken ct = default)
    {
        var settings = await db.Set<MembershipSettings>().FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new MembershipSettings();
            db.Add(settings);
        }
        settings.GraceDays = body.GraceDays;
        settings.RevokeOnRefund = body.RevokeOnRefund;
        settings.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new MembershipSettingsView(settings.GraceDays, settings.RevokeOnRefund);
    }

    private static PaidTierView View(TierDefinition t, PaidTier? p, int active) =>
        new(t.Code, t.Name, t.Rank, p?.ForSale ?? false, p?.MonthlyPriceId, p?.YearlyPriceId, active);
}
