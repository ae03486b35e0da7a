using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Memberships;

/// <summary>What the API and the console read: memberships, and the Stripe webhook log with replay of a failed event.</summary>
public sealed class MembershipQueries(AppDbContext db, DeadLetterService deadLetters, TimeProvider time)
{
    public async Task<ServiceResult<IReadOnlyList<MembershipView>>> OfMemberAsync(string externalId, CancellationToken ct = default)
    {
        var memberId = await db.Members.AsNoTracking().Where(m => m.ExternalId == externalId).Select(m => m.Id).FirstOrDefaultAsync(ct);
        if (memberId is null) return ServiceResult<IReadOnlyList<MembershipView>>.NotFound($"No member with id '{externalId}'.");
        var rows = await db.Set<Membership>().AsNoTracking().Where(m => m.MemberId == memberId).OrderByDescending(m => m.Id).ToListAsync(ct);
        var now = time.GetUtcNow();
        return ServiceResult<IReadOnlyList<MembershipView>>.Ok(rows.Select(m => View(m, now, externalId)).ToList());
    }

    public async Task<Page<MembershipView>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        var rows = await db.Set<Membership>().AsNoTracking().Where(m => m.MemberId != "").Window(m => m.Id, page).ToListAsync(ct);
        var memberIds = rows.Select(r => r.MemberId).Distinct().ToList();
        var externalIds = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.ExternalId, ct);
        var now = time.GetUtcNow();
        return page.ToPage(rows, m => m.Id).Map(m => View(m, now, externalIds.GetValueOrDefault(m.MemberId)));
    }

    public async Task<Page<WebhookEventView>> EventsAsync(PageRequest page, CancellationToken ct = default)
    {
        var rows = await db.Set<StripeWebhookEvent>().AsNoTracking().Window(e => e.Id, page)
            .Select(e => new { Event = e, Outbox = db.OutboxMessages.FirstOrDefault(o => o.Id == e.OutboxEventId) }).ToListAsync(ct);
        return page.ToPage(rows, r => r.Event.Id).Map(r => View(r.Event, r.Outbox));
    }

    public async Task<ServiceResult<WebhookEventDetail>> EventAsync(string id, CancellationToken ct = default)
    {
        var row = await db.Set<StripeWebhookEvent>().AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { Event = e, Outbox = db.OutboxMessages.FirstOrDefault(o => o.Id == e.OutboxEventId) }).FirstOrDefaultAsync(ct);
        return row is null
            ? ServiceResult<WebhookEventDetail>.NotFound($"No Stripe event with id '{id}'.")
            : ServiceResult<WebhookEventDetail>.Ok(new WebhookEventDetail(View(row.Event, row.Outbox), row.Event.RawBody));
    }

    /// <summary>Processes a failed (dead-lettered) event again; an event that did not fail for good is refused.</summary>
    public async Task<ServiceResult<WebhookEventView>> ReplayAsync(string id, CancellationToken ct = default)
    {
        var stored = await db.Set<StripeWebhookEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (stored is null) return ServiceResult<WebhookEventView>.NotFound($"No Stripe event with id '{id}'.");
        var replay = await deadLetters.ReplayAsync(stored.OutboxEventId, ct);
        if (!replay.Succeeded) return ServiceResult<WebhookEventView>.Conflict($"Stripe event '{id}' has not failed for good: only a dead-lettered event can be replayed.");
        var outbox = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(o => o.Id == stored.OutboxEventId, ct);
        return ServiceResult<WebhookEventView>.Ok(View(stored, outbox));
    }

    private static WebhookEventView View(StripeWebhookEvent e, OutboxMessage? o)
    {
        var state = o?.ProcessedAt is not null ? WebhookEventState.Processed
            : o?.LastError is not null || o?.DeadLetteredAt is not null ? WebhookEventState.Failed : WebhookEventState.Received;
        return new WebhookEventView(e.Id, e.EventId, e.Type, e.ObjectId, e.LiveMode, e.ReceivedAt, state, o?.Attempts ?? 0,
            o?.DeadLetteredAt is not null && o.ProcessedAt is null, state == WebhookEventState.Processed ? null : o?.LastError, o?.ProcessedAt);
    }

    internal static MembershipView View(Membership m, DateTimeOffset now, string? externalId) => new(
        m.Id, m.SubscriptionId, m.TierCode, m.Period?.ToString().ToLowerInvariant(), m.Status, MembershipGrant.PhaseOf(m.Status, m.RevokedAt is not null),
        m.CurrentPeriodEnd, m.CancelAtPeriodEnd, m.GraceUntil, m.GrantedUntil, m.GrantedUntil > now, m.RevokedAt, m.CreatedAt, m.SyncedAt, externalId);
}
