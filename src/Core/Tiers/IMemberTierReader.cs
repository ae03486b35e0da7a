namespace CommunitySaaS.Core.Tiers;

/// <summary>The tier a member holds now, and what it gives: what earning (points multiplier) and rules facts read.</summary>
public sealed record MemberTierView(string Code, string Name, int Rank, decimal PointsMultiplier);

/// <summary>Reads the current tier state (earned or paid, the higher of the two) without knowing how tiers are evaluated.</summary>
public interface IMemberTierReader
{
    Task<MemberTierView?> GetCurrentAsync(string memberId, CancellationToken ct = default);
}
