using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Memberships;

/// <summary>
/// The <c>data</c> of membership webhooks: the membership as <c>GET /members/{externalId}/memberships</c> lists it,
/// with the status, tier, period end and grant the event recorded, so a later sync from Stripe does not show through.
/// </summary>
internal sealed class MembershipWebhookData(AppDbContext db)
    : IWebhookData<MembershipActivated>, IWebhookData<MembershipPastDue>, IWebhookData<MembershipCanceled>, IWebhookData<MembershipPaid>
{
    public Task<object> DataAsync(MembershipActivated domainEvent, CancellationToken ct) => StatusAsync(domainEvent, ct);

    public Task<object> DataAsync(MembershipPastDue domainEvent, CancellationToken ct) => StatusAsync(domainEvent, ct);

    public Task<object> DataAsync(MembershipCanceled domainEvent, CancellationToken ct) => StatusAsync(domainEvent, ct);

    public async Task<object> DataAsync(MembershipPaid e, CancellationToken ct) =>
        new MembershipPaymentView(e.InvoiceId, e.Currency, Money.ToDecimal(e.AmountMinor, e.Currency), e.PaidAt,
            await ViewAsync(e.MembershipId, e.MemberId, e.OccurredAt, ct));

    /// <summary>A revocation's event says "revoked", but the resource keeps Stripe's status and shows the revocation as its own field.</summary>
    private async Task<object> StatusAsync(MembershipStatusChanged e, CancellationToken ct)
    {
        var view = await ViewAsync(e.MembershipId, e.MemberId, e.OccurredAt, ct);
        var status = e.Status == MembershipGrant.Revoked ? view.Status : e.Status;
        var revoked = e.Status == MembershipGrant.Revoked || view.RevokedAt is not null;
        return view with
        {
            TierCode = e.TierCode, Status = status, Phase = MembershipGrant.PhaseOf(status, revoked), CurrentPeriodEnd = e.CurrentPeriodEnd,
            GrantedUntil = e.GrantedUntil, Granting = !revoked && e.GrantedUntil > e.OccurredAt,
        };
    }

    private async Task<MembershipView> ViewAsync(string membershipId, string memberId, DateTimeOffset asOf, CancellationToken ct)
    {
        var membership = await db.Set<Membership>().AsNoTracking().FirstAsync(m => m.Id == membershipId, ct);
        var view = MembershipQueries.View(membership, asOf, await db.ExternalIdOfAsync(memberId, ct));
        return view.RevokedAt > asOf
            ? view with { RevokedAt = null, Phase = MembershipGrant.PhaseOf(view.Status, false), Granting = view.GrantedUntil > asOf }
            : view;
    }
}
