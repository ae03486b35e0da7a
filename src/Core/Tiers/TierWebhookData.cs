using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tiers;

/// <summary>The <c>data</c> of <c>tier.changed</c>: the change as <c>GET /members/{externalId}/tier-history</c> lists it.</summary>
internal sealed class TierWebhookData(AppDbContext db) : IWebhookData<TierChanged>
{
    public async Task<object> DataAsync(TierChanged domainEvent, CancellationToken ct)
    {
        var changes = db.Set<MemberTierChange>().AsNoTracking().Where(c => c.MemberId == domainEvent.MemberId);
        // An event raised before events named their row falls back to the member's latest change.
        var change = domainEvent.ChangeId is { } id
            ? await changes.FirstAsync(c => c.Id == id, ct)
            : await changes.OrderByDescending(c => c.Id).FirstAsync(ct);
        return MemberTierQueries.View(change, await db.ExternalIdOfAsync(domainEvent.MemberId, ct));
    }
}
