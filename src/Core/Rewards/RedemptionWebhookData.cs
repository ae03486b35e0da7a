using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Webhooks;

namespace CommunitySaaS.Core.Rewards;

/// <summary>
/// The <c>data</c> of redemption webhooks: the redemption as <c>GET /members/{externalId}/redemptions</c> lists it, at
/// the event's moment, so <c>redemption.created</c> shows it active even when it was canceled before the delivery; and
/// the points the redemption spent, shaped like every other <c>points.*</c> event.
/// </summary>
internal sealed class RedemptionWebhookData(AppDbContext db, RedemptionService redemptions, PointsQueries points)
    : IWebhookData<RedemptionCreated>, IWebhookData<RedemptionCanceled>, IWebhookData<PointsRedeemed>
{
    public async Task<object> DataAsync(PointsRedeemed domainEvent, CancellationToken ct) =>
        await points.ChangeAsync(domainEvent.MemberId, -domainEvent.Points, domainEvent.EntryIds, ct);

    public Task<object> DataAsync(RedemptionCreated domainEvent, CancellationToken ct) =>
        ViewAsync(domainEvent.RedemptionId, domainEvent.MemberId, domainEvent.OccurredAt, ct);

    public Task<object> DataAsync(RedemptionCanceled domainEvent, CancellationToken ct) =>
        ViewAsync(domainEvent.RedemptionId, domainEvent.MemberId, domainEvent.OccurredAt, ct);

    private async Task<object> ViewAsync(string redemptionId, string memberId, DateTimeOffset asOf, CancellationToken ct) =>
        await redemptions.ViewAsync(redemptionId, await db.ExternalIdOfAsync(memberId, ct), asOf, ct);
}
