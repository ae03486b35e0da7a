using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Communities;
using CommunitySaaS.Core.Orders;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// The tenant's most recent orders as simulation cases (event <c>order.paid</c>), with each buyer's member
/// record and 12-month spend and order count, so points, tier and commission drafts can be tried on real data.
/// The cases go through <see cref="RuleInputMapper"/>, as the live handlers' facts do.
/// </summary>
public sealed class RecentOrderCases(AppDbContext db)
{
    /// <summary>
    /// KOS bindings arrive with a later feature: until then a commission simulation treats every order as sold
    /// by a level-1 KOS with a level-2 upline, so the draft's rates show on real order totals.
    /// </summary>
    private static readonly AttributionFacts StandInAttribution =
        new(new KosFacts("", 1, null, null, DateTimeOffset.UnixEpoch, 0m), new KosFacts("", 2, null, null, DateTimeOffset.UnixEpoch, 0m));

    public async Task<IReadOnlyList<SimulationCase>> LoadAsync(RuleSetKind kind, int count, DateTimeOffset now, CancellationToken ct = default)
    {
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .OrderByDescending(o => o.PaidAt).ThenByDescending(o => o.Id).Take(count).ToListAsync(ct);
        var memberIds = orders.Select(o => o.MemberId).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var communities = await db.CommunityMemberships.AsNoTracking()
            .Where(ms => memberIds.Contains(ms.MemberId) && ms.LeftAt == null)
            .Select(ms => new { ms.MemberId, ms.CommunityId }).ToListAsync(ct);
        var communityIds = orders.Select(o => o.CommunityId).OfType<string>().Distinct().ToList();
        var communityKinds = await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Kind, ct);
        var since = now.AddYears(-1);
        // Summed here rather than in SQL: SQLite cannot aggregate decimals.
        var spend = (await db.Orders.AsNoTracking().Where(o => memberIds.Contains(o.MemberId) && o.PaidAt >= since && o.PaidAt <= now)
                .Select(o => new { o.MemberId, o.TotalMinor, o.Currency }).ToListAsync(ct))
            .GroupBy(o => o.MemberId).ToDictionary(g => g.Key, g => (Spend: g.Sum(o => Money.ToDecimal(o.TotalMinor, o.Currency)), Orders: g.Count()));

        return orders.Select(order =>
        {
            var member = members[order.MemberId];
            var (total, orderCount) = spend.GetValueOrDefault(order.MemberId);
            var facts = new RuleFacts(
                ToFacts(order, order.CommunityId is { } cid && communityKinds.TryGetValue(cid, out var ck) ? KindName(ck) : null),
                new MemberFacts(member.Id, member.ExternalId, null, member.Birthday, member.CreatedAt, member.Tags,
                    communities.Where(c => c.MemberId == member.Id).Select(c => c.CommunityId).ToList()),
                kind == RuleSetKind.Commission ? StandInAttribution : null,
                null,
                new StatsFacts(0, total, orderCount, 0, 0, 0));
            return new SimulationCase(order.ExternalId, RuleInputMapper.ToInputs(facts, now), "order.paid");
        }).ToList();
    }

    private static OrderFacts ToFacts(Order order, string? communityKind) =>
        new(order.Id, order.ExternalId, Money.ToDecimal(order.TotalMinor, order.Currency), order.Currency,
            order.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderLineFacts(
                l.Sku, l.Category, l.Quantity, Money.ToDecimal(l.PaidMinor, order.Currency))).ToList(),
            order.CommunityId, communityKind, order.KosShareCode, order.PaidAt);

    private static string KindName(CommunityKind kind) => kind == CommunityKind.OfflineStore ? "store" : "online";
}
