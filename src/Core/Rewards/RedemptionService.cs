using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tiers;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Rewards;

/// <summary>
/// Redeems in one transaction, each guard in the database: the reward's stock by <c>UPDATE … WHERE Remaining &gt;= q</c>
/// (on PostgreSQL that row lock also queues everyone redeeming the reward), the points by the ledger's conditional
/// lock of the member's account (never below zero available), the per-member limit counted only after that lock (so a
/// member's concurrent redemptions see each other), and each coupon code claimed by <c>WHERE RedemptionId IS NULL</c>.
/// Any refusal rolls the whole unit back. Locks are always taken reward first, member second (cancel too), so no deadlock.
/// </summary>
public sealed class RedemptionService(
    AppDbContext db, PointsLedger ledger, IMemberTierReader tiers, IEventPublisher events, ITenantContext tenant, TimeProvider time)
{
    public async Task<RedemptionOutcome> RedeemAsync(string externalId, RedeemReward command, string actor, CancellationToken ct = default)
    {
        var memberId = await MemberIdAsync(externalId, ct);
        if (memberId is null) return RedemptionOutcome.NotFound($"No member with id '{externalId}'.");
        var reward = await db.Set<Reward>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.RewardId, ct);
        if (reward is null) return RedemptionOutcome.NotFound($"No reward with id '{command.RewardId}'.");
        if (await CheckAsync(reward, memberId, ct) is { } refused) return refused;

        var quantity = command.Quantity;
        var points = checked(reward.PointsCost * quantity);
        var now = time.GetUtcNow();
        var redemption = new Redemption
        {
            MemberId = memberId, RewardId = reward.Id, Quantity = quantity, Points = points, Status = RedemptionStatus.Active,
            Actor = actor, CreatedAt = now,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (reward.Remaining is not null &&
            await db.Set<Reward>().Where(r => r.Id == reward.Id && r.Remaining >= quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Remaining, r => r.Remaining - quantity), ct) == 0)
        {
            return RedemptionOutcome.Refused(RedemptionRefusal.OutOfStock, $"Reward '{reward.Code}' has fewer than {quantity} left.");
        }

        var spend = new PointsSpend(memberId, points, PointsSource.Redemption, redemption.Id, actor, $"Redeemed {quantity} × {reward.Code}");
        var spent = await ledger.DebitAsync(spend, PointsEntryKind.Redeem, (entries, sequence) => new PointsRedeemed(
            memberId, points, redemption.Id, entries.Select(e => e.Id).ToList())
        {
            TenantId = tenant.TenantId!, OccurredAt = now, AggregateId = memberId, Sequence = sequence,
        }, ct);
        switch (spent.Outcome)
        {
            case SpendOutcome.InsufficientPoints:
                return RedemptionOutcome.Refused(RedemptionRefusal.InsufficientPoints, $"This needs {points} points; {spent.Balance.Available} are available.");
            case SpendOutcome.BalanceNegative:
                return RedemptionOutcome.Refused(RedemptionRefusal.BalanceNegative, $"The member's balance is negative ({spent.Balance.Available}); redemption waits until it is positive.");
            case SpendOutcome.AlreadySpent:
                throw new InvalidOperationException($"Redemption {redemption.Id} was spent before it existed.");
        }

        if (reward.PerMemberLimit is { } limit)
        {
            var before = await db.Set<Redemption>()
                .Where(r => r.RewardId == reward.Id && r.MemberId == memberId && r.Status == RedemptionStatus.Active)
                .SumAsync(r => (int?)r.Quantity, ct) ?? 0;
            if (before + quantity > limit)
                return RedemptionOutcome.Refused(RedemptionRefusal.LimitReached, $"Reward '{reward.Code}' allows {limit} per member; this member has {before}.");
        }

        if (reward.Kind == RewardKind.Coupon) redemption.Codes = await ClaimCodesAsync(reward.Id, redemption.Id, quantity, ct);
        db.Add(redemption);
        events.Publish(new RedemptionCreated(redemption.Id, memberId, reward.Id, quantity, points, redemption.Codes)
        {
            TenantId = tenant.TenantId!, OccurredAt = now, AggregateId = redemption.Id, Sequence = 1,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RedemptionOutcome(ServiceStatus.Created, ToView(redemption, reward, externalId), null, null);
    }

    /// <summary>Gives the points and codes back once: the status flips by a conditional update, so a replay or a concurrent cancel returns the same canceled redemption and writes nothing.</summary>
    public async Task<RedemptionOutcome> CancelAsync(string externalId, string redemptionId, string actor, CancellationToken ct = default)
    {
        var memberId = await MemberIdAsync(externalId, ct);
        var found = memberId is null ? null : await db.Set<Redemption>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == redemptionId && r.MemberId == memberId, ct);
        if (found is null) return RedemptionOutcome.NotFound($"No redemption with id '{redemptionId}' for member '{externalId}'.");

        var now = time.GetUtcNow();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var flipped = await db.Set<Redemption>().Where(r => r.Id == redemptionId && r.Status == RedemptionStatus.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RedemptionStatus.Canceled).SetProperty(r => r.CanceledAt, now), ct);
            if (flipped == 1)
            {
                var quantity = found.Quantity;
                await db.Set<Reward>().Where(r => r.Id == found.RewardId && r.Remaining != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Remaining, r => r.Remaining + quantity), ct);
                await db.Set<RewardCode>().Where(c => c.RedemptionId == redemptionId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.RedemptionId, (string?)null), ct);
                await ledger.ReturnSpendAsync(PointsSource.Redemption, redemptionId, actor, "Redemption canceled", ct);
                events.Publish(new RedemptionCanceled(redemptionId, found.MemberId, found.RewardId, found.Points)
                {
                    TenantId = tenant.TenantId!, OccurredAt = now, AggregateId = redemptionId, Sequence = 2,
                });
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        return new RedemptionOutcome(ServiceStatus.Ok, await ViewAsync(redemptionId, externalId, null, ct), null, null);
    }

    public async Task<ServiceResult<Page<RedemptionView>>> ListAsync(string externalId, PageRequest page, CancellationToken ct = default)
    {
        var memberId = await MemberIdAsync(externalId, ct);
        if (memberId is null) return ServiceResult<Page<RedemptionView>>.NotFound($"No member with id '{externalId}'.");
        var rows = await db.Set<Redemption>().AsNoTracking().Where(r => r.MemberId == memberId).Window(r => r.Id, page).ToListAsync(ct);
        var rewardIds = rows.Select(r => r.RewardId).Distinct().ToList();
        var rewards = await db.Set<Reward>().AsNoTracking().Where(r => rewardIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return ServiceResult<Page<RedemptionView>>.Ok(page.ToPage(rows, r => r.Id).Map(r => ToView(r, rewards[r.RewardId], externalId)));
    }

    private async Task<RedemptionOutcome?> CheckAsync(Reward reward, string memberId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!reward.Enabled) return RedemptionOutcome.Refused(RedemptionRefusal.RewardDisabled, $"Reward '{reward.Code}' is disabled.");
        if (reward.ValidFrom is { } from && now < from) return RedemptionOutcome.Refused(RedemptionRefusal.NotValidYet, $"Reward '{reward.Code}' can be redeemed from {from:O}.");
        if (reward.ValidUntil is { } until && now >= until) return RedemptionOutcome.Refused(RedemptionRefusal.Expired, $"Reward '{reward.Code}' could be redeemed until {until:O}.");
        if (reward.AllowedTiers.Count > 0)
        {
            var tier = (await tiers.GetCurrentAsync(memberId, ct))?.Code;
            if (tier is null || !reward.AllowedTiers.Contains(tier))
                return RedemptionOutcome.Refused(RedemptionRefusal.TierNotAllowed, $"Reward '{reward.Code}' is for tiers {string.Join(", ", reward.AllowedTiers)}; this member is {tier ?? "in no tier"}.");
        }
        return null;
    }

    /// <summary>The stock update already reserved the units, so the codes are there; the conditional claim still refuses a code someone else holds.</summary>
    private async Task<List<string>> ClaimCodesAsync(string rewardId, string redemptionId, int quantity, CancellationToken ct)
    {
        var ids = await db.Set<RewardCode>().Where(c => c.RewardId == rewardId && c.RedemptionId == null)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(quantity).ToListAsync(ct);
        var claimed = await db.Set<RewardCode>().Where(c => ids.Contains(c.Id) && c.RedemptionId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RedemptionId, redemptionId), ct);
        if (claimed != quantity) throw new InvalidOperationException($"Reward {rewardId}'s stock said {quantity} codes were free, but {claimed} could be claimed.");
        return await db.Set<RewardCode>().AsNoTracking().Where(c => c.RedemptionId == redemptionId).OrderBy(c => c.Id).Select(c => c.Code).ToListAsync(ct);
    }

    private Task<string?> MemberIdAsync(string externalId, CancellationToken ct) =>
        db.Set<Member>().Where(m => m.ExternalId == externalId).Select(m => m.Id).FirstOrDefaultAsync(ct);

    internal async Task<RedemptionView> ViewAsync(string redemptionId, string memberExternalId, DateTimeOffset? asOf, CancellationToken ct)
    {
        var r = await db.Set<Redemption>().AsNoTracking().FirstAsync(x => x.Id == redemptionId, ct);
        return ToView(r, await db.Set<Reward>().AsNoTracking().FirstAsync(x => x.Id == r.RewardId, ct), memberExternalId, asOf);
    }

    /// <summary>The redemption now, or at <paramref name="asOf"/>: active still when it was canceled only later.</summary>
    private static RedemptionView ToView(Redemption r, Reward reward, string memberExternalId, DateTimeOffset? asOf = null)
    {
        var canceledAt = asOf is null || r.CanceledAt <= asOf ? r.CanceledAt : null;
        var status = asOf is null ? r.Status : canceledAt is null ? RedemptionStatus.Active : RedemptionStatus.Canceled;
        return new(r.Id, r.MemberId, memberExternalId, r.RewardId, reward.Code, reward.Name, r.Quantity, r.Points, status, r.Codes, r.CreatedAt, canceledAt);
    }
}
