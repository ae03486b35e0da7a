using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Points;

public enum PointsEntryKind { Earn, Release, Redeem, CancelRedemption, Expire, Adjust, Reverse }

public enum PointsSource { Order, Refund, Activity, Redemption, Admin, Job, Membership }

/// <summary>
/// One append-only change to a member's points. Two columns, so that "pending becomes available" is itself an
/// entry (a <see cref="PointsEntryKind.Release"/> moves <c>-x</c> pending and <c>+x</c> available) and every balance
/// is a plain sum: available = Σ <see cref="AvailableDelta"/>, pending = Σ <see cref="PendingDelta"/>.
/// (<see cref="Source"/>, <see cref="SourceId"/>, <see cref="Leg"/>) is unique per tenant, so a replayed event,
/// activity or request writes nothing the second time.
/// </summary>
/// <remarks>
/// A credit (an earn, a positive adjustment, a cancelled redemption) is a lot: debits that draw on it (redeem,
/// expire, reverse) name it in <see cref="LotId"/>, which is how spending takes the soonest-expiring points first
/// and how expiry knows what is left of a lot. A debit with no lot is a debt (a refund of points already spent
/// under the "let the balance go negative" policy).
/// </remarks>
public sealed class PointsEntry : ITenantOwned
{
    public string Id { get; init; } = Ids.New("pte");
    public string TenantId { get; set; } = "";
    public required string MemberId { get; init; }
    public required PointsEntryKind Kind { get; init; }
    public long AvailableDelta { get; init; }
    public long PendingDelta { get; init; }
    public required PointsSource Source { get; init; }
    public required string SourceId { get; init; }
    public required string Leg { get; init; }
    public string? LotId { get; init; }
    /// <summary>When a pending credit becomes spendable (the order's return-window end, the rule's delay).</summary>
    public DateTimeOffset AvailableAt { get; init; }
    /// <summary>When what is left of this lot expires; null for "never" and for debits.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
    public string? RuleSetVersionId { get; init; }
    public int? RuleSetVersion { get; init; }
    /// <summary>The rules that fired, as "name" or "name×1.5", for the entry's explanation.</summary>
    public List<string> FiredRules { get; init; } = [];
    public string? InputsHash { get; init; }
    /// <summary>"key:ak_…", "user:…" or "job:points-expiry": who caused the entry.</summary>
    public required string Actor { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>On a reversal: the earn entry (an order line's points) it reverses, whichever lot it drew on.</summary>
    public string? ReversesId { get; init; }
    /// <summary>
    /// On a reversal: the points of the line's share the return policy let the member keep (already spent). They count
    /// as reversed, so a later refund of the same line does not claim them again, but move no balance.
    /// </summary>
    public long Waived { get; init; }
    /// <summary>"rule|period|slot" for an activity rule with a limit: unique per member, so a period's slots are taken once.</summary>
    public string? LimitKey { get; init; }
}
