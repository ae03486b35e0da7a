using System.Text.Json;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tiers;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// Activities posted by the storefront: evaluated by the points rules for the activity's type, each fired rule one
/// entry (leg <c>rule:name</c>) pending for the rule's <c>delayDays</c>. A rule's <c>limit</c> per period takes a slot
/// (<see cref="PointsEntry.LimitKey"/>, unique per member) under the member's lock, so concurrent activities never
/// take the same period twice. Idempotent by <c>activityId</c>: a retry gets the first answer.
/// </summary>
public sealed class PointsActivities(
    AppDbContext db, IRuleSetRuntime rules, IMemberTierReader tiers, PointsLedger ledger, LoyaltyPolicies policies, ITenantContext tenant)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    public Task<ServiceResult<ActivityView>> RecordAsync(string externalId, RecordActivity body, string actor, CancellationToken ct = default) =>
        RetryOnConflict.RunAsync(db, c => RecordOnceAsync(externalId, body, actor, c), ct);

    private async Task<ServiceResult<ActivityView>> RecordOnceAsync(string externalId, RecordActivity body, string actor, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.ExternalId == externalId, ct);
        if (member is null) return ServiceResult<ActivityView>.NotFound($"No member with id '{externalId}'.");
        var hash = RequestHash.OfValue(new { externalId, body.ActivityId, body.Type, body.OccurredAt, body.CommunityId, Properties = Sorted(body.Properties) });
        if (await ReplayAsync(body.ActivityId, hash, ct) is { } replay) return replay;

        var now = ledger.Now;
        var occurredAt = body.OccurredAt!.Value.ToUniversalTime();
        if (occurredAt > now + ClockSkew) return ServiceResult<ActivityView>.Invalid("occurredAt", "occurredAt is in the future.");
        if (occurredAt < now - MaxAge) return ServiceResult<ActivityView>.Invalid("occurredAt", $"occurredAt is more than {MaxAge.TotalDays:0} days ago.");
        if (body.CommunityId is { } cid && !await db.Communities.AnyAsync(c => c.Id == cid, ct))
            return ServiceResult<ActivityView>.Invalid("communityId", $"No community with id '{cid}'.");

        Member? referred = null;
        if (body.Type == ActivityTypes.Referral)
        {
            var referredExternalId = body.Properties?.GetValueOrDefault(ActivityTypes.ReferredKey);
            if (string.IsNullOrWhiteSpace(referredExternalId))
                return ServiceResult<ActivityView>.Invalid("properties." + ActivityTypes.ReferredKey, "A referral names the new member: properties.referredExternalId.");
            referred = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.ExternalId == referredExternalId, ct);
            if (referred is null)
                return ServiceResult<ActivityView>.Invalid("properties." + ActivityTypes.ReferredKey, $"No member with id '{referredExternalId}'.");
            if (Referrals.IsSelf(member, referred))
                return ServiceResult<ActivityView>.Invalid("properties." + ActivityTypes.ReferredKey, "A member cannot refer themselves (same member, email or phone).");
            var referredId = referred.Id;
            if (await db.PointsActivities.AnyAsync(a => a.ReferredMemberId == referredId, ct))
                return ServiceResult<ActivityView>.Conflict($"Member '{referredExternalId}' was already referred.");
        }

        var policy = await policies.GetAsync(ct);
        var zone = tenant.Zone;
        var earn = new ActivityEarning(db, rules, tiers, ledger, policy, zone, body, occurredAt, actor);
        var mine = await earn.PlanForAsync(member, role: referred is null ? null : "referrer", ct);
        var theirs = referred is null ? null : await earn.PlanForAsync(referred, role: "referred", ct);

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // Members in id order: a referral locks two, and two referrals between the same pair must not deadlock.
            var writes = new List<(Member Who, ActivityEarning.Plan Plan)> { (member, mine) };
            if (referred is not null) writes.Add((referred, theirs!));
            List<PointsEntry> myEntries = [], theirEntries = [];
            List<string> limited = [];
            foreach (var (who, plan) in writes.OrderBy(w => w.Who.Id, StringComparer.Ordinal))
            {
                var write = await earn.WriteAsync(who, plan, ct);
                if (who.Id == member.Id) { myEntries = write.Entries; limited = write.Limited; }
                else theirEntries = write.Entries;
            }
            var recorded = new PointsActivity
            {
                ActivityId = body.ActivityId, MemberId = member.Id, Type = body.Type, OccurredAt = occurredAt, CommunityId = body.CommunityId,
                PropertiesJson = JsonSerializer.Serialize(Sorted(body.Properties)), ReferredMemberId = referred?.Id, RequestHash = hash, RecordedAt = now,
                Points = myEntries.Sum(e => e.AvailableDelta + e.PendingDelta), Limited = limited,
            };
            db.PointsActivities.Add(recorded);
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return ServiceResult<ActivityView>.Created(View(recorded, member.ExternalId, referred?.ExternalId, myEntries, theirEntries));
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private async Task<ServiceResult<ActivityView>?> ReplayAsync(string activityId, string hash, CancellationToken ct)
    {
        var existing = await db.PointsActivities.AsNoTracking().SingleOrDefaultAsync(a => a.ActivityId == activityId, ct);
        if (existing is null) return null;
        if (existing.RequestHash != hash) return ServiceResult<ActivityView>.Conflict($"Activity '{activityId}' was recorded with a different body.");
        var entries = await db.PointsEntries.AsNoTracking()
            .Where(e => e.Source == PointsSource.Activity && e.SourceId == activityId).OrderBy(e => e.Leg).ToListAsync(ct);
        var memberIds = new[] { existing.MemberId, existing.ReferredMemberId ?? "" };
        var externalIds = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.ExternalId, ct);
        return ServiceResult<ActivityView>.Ok(View(existing, externalIds[existing.MemberId], existing.ReferredMemberId is { } r ? externalIds[r] : null,
            entries.Where(e => e.MemberId == existing.MemberId).ToList(), entries.Where(e => e.MemberId != existing.MemberId).ToList()));
    }

    private static ActivityView View(PointsActivity a, string externalId, string? referredExternalId, List<PointsEntry> mine, List<PointsEntry> theirs) =>
        new(a.ActivityId, a.Type, externalId, a.OccurredAt, mine.Sum(e => e.AvailableDelta + e.PendingDelta),
            a.Limited.Select(ActivityEarning.ParseLimited).ToList(),
            mine.Select(e => PointsQueries.View(e, e.PendingDelta > 0 ? PointsEntryState.Pending : PointsEntryState.Available)).ToList(),
            referredExternalId, theirs.Sum(e => e.AvailableDelta + e.PendingDelta));

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string>? properties) =>
        new(properties?.ToDictionary() ?? [], StringComparer.Ordinal);
}
