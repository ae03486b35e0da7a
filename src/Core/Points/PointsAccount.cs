using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// A member's balance cached beside the ledger, changed only in the transaction that writes the entries it sums
/// (<see cref="PointsLedger"/>). Its row is also the member's write lock: every ledger write starts with a
/// conditional UPDATE of it, so concurrent writers for one member queue behind each other.
/// </summary>
public sealed class PointsAccount : ITenantOwned
{
    public required string MemberId { get; init; }
    public string TenantId { get; set; } = "";
    public long Available { get; set; }
    public long Pending { get; set; }
    public long LifetimeEarned { get; set; }
    public long LifetimeRedeemed { get; set; }
    public long Expired { get; set; }
    /// <summary>The last <c>Sequence</c> given to a points event of this member (the events' aggregate is the member).</summary>
    public long Sequence { get; set; }

    public PointsBalance ToBalance() => new(Available, Pending, LifetimeEarned, LifetimeRedeemed, Expired);
}
