using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tiers;
using CommunitySaaS.Core.Common;
using Microsoft.EntityFrameworkCore;
using global::Stripe;

namespace CommunitySaaS.Core.Memberships;

/// <summary>
/// Sets a membership from its subscription as Stripe reports it now. The row is locked before Stripe is asked, so of
/// two syncs of one subscription the later reader is the later writer: a stale read can never overwrite a fresh one,
/// and whatever order webhooks came in, the last sync writes Stripe's current state.
/// </summary>
public sealed class MembershipSync(AppDbContext db, ITenantContext tenant, IEventPublisher events, TimeProvider time)
{
    public const string MemberIdKey = "member_id";
    public const string TierCodeKey = "tier_code";

    /// <returns>The membership as written, or null when the subscription is no member's of this brand (or gone).</returns>
    public async Task<Membership?> SyncAsync(IStripeClient stripe, string subscriptionId, string trigger, CancellationToken ct)
    {
        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("A membership sync needs a tenant in context.");
        var now = time.GetUtcNow();
        await MembershipSql.EnsureMembershipAsync(db, tenantId, Ids.New("msp"), subscriptionId, now, ct);
        var rows = db.Set<Membership>().Where(m => m.SubscriptionId == subscriptionId);
        await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.Revision, m => m.Revision), ct);
        var current = await rows.AsNoTracking().SingleAsync(ct);

        Subscription subscription;
        try
        {
            subscription = await new SubscriptionService(stripe).GetAsync(subscriptionId, cancellationToken: ct);
        }
        catch (StripeException ex) when (ex.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return current.MemberId.Length > 0 ? current : null;
        }

        var memberId = current.MemberId.Length > 0 ? current.MemberId : await MemberOfAsync(subscription, ct);
        if (memberId is null) return null;
        var item = subscription.Items?.Data?.FirstOrDefault();
        var priceId = item?.Price?.Id;
        var paidTier = priceId is null ? null
            : await db.Set<PaidTier>().AsNoTracking().FirstOrDefaultAsync(p => p.MonthlyPriceId == priceId || p.YearlyPriceId == priceId, ct);
        var tierCode = paidTier?.TierCode ?? subscription.Metadata?.GetValueOrDefault(TierCodeKey) ?? current.TierCode;
        BillingPeriod? period = paidTier is null ? current.Period : paidTier.MonthlyPriceId == priceId ? BillingPeriod.Monthly : BillingPeriod.Yearly;
        var settings = await db.Set<MembershipSettings>().AsNoTracking().FirstOrDefaultAsync(ct) ?? MembershipSettings.Default;
        var status = subscription.Status ?? "";
        var start = Utc(item?.CurrentPeriodStart);
        var end = Utc(item?.CurrentPeriodEnd);
        var revoked = current.RevokedAt is not null;
        var grace = MembershipGrant.GraceUntil(status, start, settings.GraceDays);
        var until = MembershipGrant.Until(status, start, end, subscription.CancelAtPeriodEnd, settings.GraceDays, revoked);
        var customerId = subscription.CustomerId ?? current.CustomerId;

        await rows.Where(m => m.Revision == current.Revision).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.MemberId, memberId)
            .SetProperty(m => m.CustomerId, customerId)
            .SetProperty(m => m.TierCode, tierCode)
            .SetProperty(m => m.PriceId, priceId)
            .SetProperty(m => m.Period, period)
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.CurrentPeriodStart, start)
            .SetProperty(m => m.CurrentPeriodEnd, end)
            .SetProperty(m => m.CancelAtPeriodEnd, subscription.CancelAtPeriodEnd)
            .SetProperty(m => m.GraceUntil, grace)
            .SetProperty(m => m.GrantedUntil, until)
            .SetProperty(m => m.SyncedAt, now)
            .SetProperty(m => m.LastEventId, trigger)
            .SetProperty(m => m.Revision, current.Revision + 1), ct);

        var written = await rows.AsNoTracking().SingleAsync(ct);
        await AnnounceAsync(current, written, revoked, ct);
        return written;
    }

    /// <summary>A membership.activated / past_due / canceled event when the phase moved (not on every renewal).</summary>
    private async Task AnnounceAsync(Membership before, Membership after, bool revoked, CancellationToken ct)
    {
        // A revocation is written just before this sync: what the membership was is what it granted, not its flag.
        var was = before.Status.Length == 0 ? MembershipPhase.Pending
            : before.GrantedUntil is null ? MembershipGrant.PhaseOf(before.Status, revoked: true) : MembershipGrant.PhaseOf(before.Status, revoked: false);
        var now = MembershipGrant.PhaseOf(after.Status, revoked);
        if (was == now || now == MembershipPhase.Pending || (was == MembershipPhase.Pending && now == MembershipPhase.Ended)) return;
        var sequence = await TierSql.NextMemberSequenceAsync(db, after.TenantId, after.MemberId, ct);
        var previous = before.Status.Length == 0 ? null : before.Status;
        var status = revoked ? MembershipGrant.Revoked : after.Status;
        MembershipStatusChanged change = now switch
        {
            MembershipPhase.Active => new MembershipActivated(after.MemberId, after.Id, after.SubscriptionId, after.TierCode, status, previous, after.CurrentPeriodEnd, after.GrantedUntil)
                { TenantId = after.TenantId, OccurredAt = time.GetUtcNow(), AggregateId = after.MemberId, Sequence = sequence },
            MembershipPhase.PastDue => new MembershipPastDue(after.MemberId, after.Id, after.SubscriptionId, after.TierCode, status, previous, after.CurrentPeriodEnd, after.GrantedUntil)
                { TenantId = after.TenantId, OccurredAt = time.GetUtcNow(), AggregateId = after.MemberId, Sequence = sequence },
            _ => new MembershipCanceled(after.MemberId, after.Id, after.SubscriptionId, after.TierCode, status, previous, after.CurrentPeriodEnd, after.GrantedUntil)
                { TenantId = after.TenantId, OccurredAt = time.GetUtcNow(), AggregateId = after.MemberId, Sequence = sequence },
        };
        events.Publish(change);
    }

    private async Task<string?> MemberOfAsync(Subscription subscription, CancellationToken ct)
    {
        var customerId = subscription.CustomerId;
        var byCustomer = await db.Set<StripeCustomer>().AsNoTracking().Where(c => c.CustomerId == customerId).Select(c => c.MemberId).FirstOrDefaultAsync(ct);
        if (byCustomer is not null) return byCustomer;
        var fromMetadata = subscription.Metadata?.GetValueOrDefault(MemberIdKey);
        return fromMetadata is not null && await db.Members.AnyAsync(m => m.Id == fromMetadata, ct) ? fromMetadata : null;
    }

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
