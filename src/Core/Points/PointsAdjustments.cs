using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// A manual correction by an operator, with its reason. A credit is a new lot that expires by the brand's policy;
/// a debit takes available points soonest-expiring first and never below zero. Keyed by the request's idempotency key.
/// The REST API and the console both adjust here, so both land in the audit log (<c>points.adjusted</c>) with the entries.
/// </summary>
public sealed class PointsAdjustments(AppDbContext db, PointsLedger ledger, LoyaltyPolicies policies, ITenantContext tenant)
{
    public async Task<ServiceResult<AdjustmentView>> AdjustAsync(string externalId, AdjustPoints body, string key, string actor, CancellationToken ct = default)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.ExternalId == externalId, ct);
        if (member is null) return ServiceResult<AdjustmentView>.NotFound($"No member with id '{externalId}'.");
        var points = body.Points!.Value;
        var reason = body.Reason.Trim();
        if (points < 0)
        {
            var spend = await ledger.DebitAsync(new PointsSpend(member.Id, -points, PointsSource.Admin, key, actor, reason), PointsEntryKind.Adjust,
                (entries, sequence) =>
                {
                    // Raised only when the entries are written (never on a replay), in the save that writes them.
                    Audit(member, points, reason, entries);
                    return new PointsAdjusted(member.Id, points, reason, actor, entries.Select(e => e.Id).ToList())
                    {
                        TenantId = member.TenantId, OccurredAt = ledger.Now, AggregateId = member.Id, Sequence = sequence,
                    };
                }, ct);
            if (spend.Outcome is SpendOutcome.InsufficientPoints or SpendOutcome.BalanceNegative)
            {
                return ServiceResult<AdjustmentView>.Conflict($"The member has {spend.Balance.Available} points available; an adjustment cannot take {-points}.");
            }
            return ServiceResult<AdjustmentView>.Created(new AdjustmentView(points, spend.Balance, spend.Entries.Select(View).ToList()));
        }

        var policy = await policies.GetAsync(ct);
        var now = ledger.Now;
        var expiresAt = PointsExpiryDates.ExpiresAt(now, policy.ExpiryMode, policy.ExpiryCount, tenant.Zone);
        List<PointsEntry> earlier = [];
        var write = await ledger.WriteAsync(member.Id, null, async (_, token) =>
        {
            earlier = await db.PointsEntries.AsNoTracking().Where(e => e.Source == PointsSource.Admin && e.SourceId == key).ToListAsync(token);
            if (earlier.Count > 0) return LedgerPlan.Nothing;
            var entry = new PointsEntry
            {
                MemberId = member.Id, Kind = PointsEntryKind.Adjust, AvailableDelta = points, Source = PointsSource.Admin, SourceId = key, Leg = "credit",
                AvailableAt = now, ExpiresAt = expiresAt, Actor = actor, Reason = reason, CreatedAt = now,
            };
            Audit(member, points, reason, [entry]);
            return LedgerPlan.Of([entry], sequence => new PointsAdjusted(member.Id, points, reason, actor, [entry.Id])
            {
                TenantId = member.TenantId, OccurredAt = now, AggregateId = member.Id, Sequence = sequence,
            });
        }, ct);
        var entries = earlier.Count > 0 ? earlier : write.Entries;
        return ServiceResult<AdjustmentView>.Created(new AdjustmentView(points, write.After, entries.Select(View).ToList()));
    }

    private void Audit(Members.Member member, long points, string reason, IReadOnlyList<PointsEntry> entries) =>
        db.Record("points.adjusted", "member", member.Id, new { points, reason, entries = entries.Select(e => e.Id).ToList() });

    private static PointsEntryView View(PointsEntry e) => PointsQueries.View(e, PointsEntryState.Available);
}
