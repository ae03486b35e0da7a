using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// The <c>data</c> of points webhooks: the change with the ledger entries it wrote, read as the ledger endpoint reads
/// them. Entries are never changed once written; only their state (pending, available, void) is as of the delivery.
/// <c>points.redeemed</c> is the rewards feature's, with the same shape.
/// </summary>
internal sealed class PointsWebhookData(AppDbContext db, PointsQueries queries)
    : IWebhookData<PointsEarned>, IWebhookData<PointsExpired>, IWebhookData<PointsAdjusted>,
      IWebhookData<PointsReversed>, IWebhookData<PointsExpiringSoon>
{
    public Task<object> DataAsync(PointsEarned domainEvent, CancellationToken ct) => ChangeAsync(domainEvent.MemberId, domainEvent.Points, domainEvent.EntryIds, ct);

    public Task<object> DataAsync(PointsExpired domainEvent, CancellationToken ct) => ChangeAsync(domainEvent.MemberId, -domainEvent.Points, domainEvent.EntryIds, ct);

    public Task<object> DataAsync(PointsAdjusted domainEvent, CancellationToken ct) => ChangeAsync(domainEvent.MemberId, domainEvent.Points, domainEvent.EntryIds, ct);

    public Task<object> DataAsync(PointsReversed domainEvent, CancellationToken ct) => ChangeAsync(domainEvent.MemberId, -domainEvent.Points, domainEvent.EntryIds, ct);

    public async Task<object> DataAsync(PointsExpiringSoon e, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == e.MemberId).Select(m => new { m.Name, m.Email }).FirstAsync(ct);
        return new ExpiringSoonView(e.MemberId, e.ExternalId, member.Name, member.Email, e.Points, e.FirstExpiresAt, e.NoticeDate, e.WithinDays, e.Breakdown);
    }

    private async Task<object> ChangeAsync(string memberId, long points, IReadOnlyList<string> entryIds, CancellationToken ct) =>
        await queries.ChangeAsync(memberId, points, entryIds, ct);
}
