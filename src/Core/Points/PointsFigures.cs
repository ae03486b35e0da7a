using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>A brand's points in total: issued (earned net of reversals and adjustments), redeemed, expired, and what it still owes.</summary>
public sealed record PointsTotalsView(long Issued, long Redeemed, long Expired, long Available, long Pending)
{
    /// <summary>Points the brand may still have to honour: everything available or on its way.</summary>
    public long Liability => Available + Pending;
}

/// <summary>The dashboard's points figures: one SUM over the members' cached balances, however many entries there are.</summary>
public sealed class PointsFigures(AppDbContext db)
{
    public async Task<PointsTotalsView> TotalsAsync(CancellationToken ct = default) =>
        await db.PointsAccounts.AsNoTracking().GroupBy(a => a.TenantId)
            .Select(g => new PointsTotalsView(
                g.Sum(a => a.LifetimeEarned), g.Sum(a => a.LifetimeRedeemed), g.Sum(a => a.Expired), g.Sum(a => a.Available), g.Sum(a => a.Pending)))
            .FirstOrDefaultAsync(ct)
        ?? new PointsTotalsView(0, 0, 0, 0, 0);
}
