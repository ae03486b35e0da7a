using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Tiers;

/// <summary>
/// How far a member is from the next tier up. Tier rules are arbitrary expressions, so the distance is found by asking
/// the active rule set itself: the fewest more points earned (spend unchanged), and the least more spend (points
/// unchanged), that make it grant the next tier, by bisection. Null when that alone never gets there (within
/// <see cref="MaxPoints"/> / <see cref="MaxSpendMinor"/>). Assumes more never qualifies for less, as tier rules do.
/// </summary>
public sealed class NextTierProbe(AppDbContext db, ITenantContext tenant, MemberStats stats, IRuleSetRuntime rules, TimeProvider time)
{
    public const long MaxPoints = 1_000_000_000;
    public const long MaxSpendMinor = 100_000_000_000;

    public async Task<TierNext?> NextAsync(string memberId, int heldRank, CancellationToken ct)
    {
        var catalog = await TierCatalog.LoadAsync(db, ct);
        var next = catalog.All.Where(t => t.Rank > heldRank).MinBy(t => t.Rank);
        if (next is null) return null;
        var now = time.GetUtcNow();
        var current = (await stats.ForAsync([memberId], now, ct))[memberId];
        var currency = tenant.Tenant!.Currency;
        try
        {
            var points = await LeastAsync(MaxPoints, x => current with { Points12m = current.Points12m + x }, catalog, next.Rank, now, ct);
            var spend = await LeastAsync(MaxSpendMinor, x => current with { Spend12m = current.Spend12m + Money.ToDecimal(x, currency) }, catalog, next.Rank, now, ct);
            return new TierNext(next.Code, next.Name, points, spend is null ? null : Money.ToDecimal(spend.Value, currency));
        }
        catch (RuleEvaluationFailedException)
        {
            // No active version or a rule naming an unknown tier: what is missing cannot be told.
            return new TierNext(next.Code, next.Name, null, null);
        }
    }

    private async Task<long?> LeastAsync(long max, Func<long, StatsFacts> with, TierCatalog catalog, int rank, DateTimeOffset now, CancellationToken ct)
    {
        if (!await ReachesAsync(with(max))) return null;
        long low = 0, high = max;
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            if (await ReachesAsync(with(mid))) high = mid;
            else low = mid + 1;
        }
        return low;

        async Task<bool> ReachesAsync(StatsFacts s) =>
            catalog.Resolve(await rules.EvaluateTierAsync(new RuleFacts(Stats: s), now, ct)).Rank >= rank;
    }
}
