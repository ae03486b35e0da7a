namespace CommunitySaaS.Core.Points;

/// <summary>
/// How each entry counts in the balance; the one definition both the cached account and the ledger sums use, so
/// available + pending = lifetime earned - lifetime redeemed - expired always holds.
/// </summary>
public static class PointsTotals
{
    /// <summary>Earned: what earning, adjustments and reversals moved (a reversed order was never really earned).</summary>
    public static bool CountsAsEarned(PointsEntryKind kind) => kind is PointsEntryKind.Earn or PointsEntryKind.Adjust or PointsEntryKind.Reverse;

    /// <summary>Redeemed: spends, less what cancelled redemptions gave back.</summary>
    public static bool CountsAsRedeemed(PointsEntryKind kind) => kind is PointsEntryKind.Redeem or PointsEntryKind.CancelRedemption;

    public static PointsBalance Delta(IEnumerable<PointsEntry> entries)
    {
        long available = 0, pending = 0, earned = 0, redeemed = 0, expired = 0;
        foreach (var e in entries)
        {
            available += e.AvailableDelta;
            pending += e.PendingDelta;
            var total = e.AvailableDelta + e.PendingDelta;
            if (CountsAsEarned(e.Kind)) earned += total;
            else if (CountsAsRedeemed(e.Kind)) redeemed -= total;
            else if (e.Kind == PointsEntryKind.Expire) expired -= total;
        }
        return new PointsBalance(available, pending, earned, redeemed, expired);
    }
}
