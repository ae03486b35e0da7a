using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tiers;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// Order points: the points rule set active at the order's recorded time, on the lines' paid amounts, times the
/// member's tier multiplier; one pending entry per line (leg <c>line:n</c>, split by paid amount), so a refund reverses
/// exactly what the line earned. A failed evaluation throws and the event dead-letters: nothing is written, never zero.
/// </summary>
internal sealed class EarnOnOrderPaid(
    AppDbContext db, IRuleSetRuntime rules, IMemberTierReader tiers, PointsLedger ledger, LoyaltyPolicies policies, ITenantContext tenant)
    : IDomainEventHandler<OrderPaid>
{
    public const string Actor = "event:order.paid";

    public async Task HandleAsync(OrderPaid paid, CancellationToken ct)
    {
        if (await db.PointsEntries.AnyAsync(e => e.Source == PointsSource.Order && e.SourceId == paid.OrderId, ct)) return;
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == paid.MemberId, ct);
        var tier = await tiers.GetCurrentAsync(paid.MemberId, ct);
        var communities = await db.CommunityMemberships.AsNoTracking()
            .Where(m => m.MemberId == paid.MemberId && m.LeftAt == null).Select(m => m.CommunityId).ToListAsync(ct);
        var evaluation = await rules.EvaluatePointsAsync(OrderPaid.TypeName, OrderPointsFacts.Of(paid, member, tier?.Code, communities), paid.RecordedAt, ct);
        var multiplier = tier?.PointsMultiplier ?? 1m;
        var total = checked((long)decimal.Floor(evaluation.Result.TotalPoints * multiplier));
        if (total <= 0) return;

        var policy = await policies.GetAsync(ct);
        var zone = tenant.Zone;
        var availableAt = policy.PendingDelayDays is { } days ? paid.RecordedAt.AddDays(days) : paid.ReturnWindowEndsAt;
        var expiresAt = PointsExpiryDates.ExpiresAt(paid.RecordedAt, policy.ExpiryMode, policy.ExpiryCount, zone);
        var fired = PointsExplanations.Fired(evaluation.Record, tier, multiplier);
        var lines = paid.Lines.OrderBy(l => l.LineNumber).ToList();
        var weights = lines.Select(l => l.PaidMinor).ToList();
        if (weights.Sum() == 0) return;
        var split = Allocation.LargestRemainder(total, weights);
        var pending = availableAt > paid.RecordedAt;

        await ledger.WriteAsync(paid.MemberId, null, async (_, token) =>
        {
            if (await db.PointsEntries.AnyAsync(e => e.Source == PointsSource.Order && e.SourceId == paid.OrderId, token)) return LedgerPlan.Nothing;
            var now = ledger.Now;
            var entries = lines.Select((line, i) => (line, points: split[i])).Where(x => x.points > 0).Select(x => new PointsEntry
            {
                MemberId = paid.MemberId, Kind = PointsEntryKind.Earn, Source = PointsSource.Order, SourceId = paid.OrderId,
                Leg = $"line:{x.line.LineNumber}",
                PendingDelta = pending ? x.points : 0, AvailableDelta = pending ? 0 : x.points,
                AvailableAt = availableAt, ExpiresAt = expiresAt,
                RuleSetVersionId = evaluation.Record.VersionId, RuleSetVersion = evaluation.Record.Version, FiredRules = fired,
                InputsHash = evaluation.Record.InputsHash, Actor = Actor, CreatedAt = now,
            }).ToList();
            return LedgerPlan.Of(entries, sequence => new PointsEarned(
                paid.MemberId, total, pending, "order", paid.OrderId, entries.Select(e => e.Id).ToList(), fired, availableAt, expiresAt)
            {
                TenantId = paid.TenantId, OccurredAt = now, AggregateId = paid.MemberId, Sequence = sequence,
            });
        }, ct);
    }
}
