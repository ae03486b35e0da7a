using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// The record that a member got the <see cref="PointsExpiringSoon"/> digest of <see cref="NoticeDate"/>: written in the
/// transaction that stores the event, unique per (tenant, member, date), so a repeated or concurrent pass sends nothing twice.
/// </summary>
public sealed class PointsExpiryNotice : ITenantOwned
{
    public string TenantId { get; set; } = "";
    public string MemberId { get; init; } = "";
    public DateOnly NoticeDate { get; init; }
    public long Points { get; init; }
    public DateTimeOffset FirstExpiresAt { get; init; }
    public string EventId { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}
