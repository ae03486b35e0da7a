using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Core.Points;

// Points events are about the member (AggregateId = member id, Sequence from the member's PointsAccount), so a
// webhook consumer sees one member's points in order. Each names the entries behind it.

public sealed record PointsEarned(
    string MemberId, long Points, bool Pending, string Source, string SourceId, IReadOnlyList<string> EntryIds, IReadOnlyList<string> Rules,
    DateTimeOffset AvailableAt, DateTimeOffset? ExpiresAt) : DomainEvent
{
    public const string TypeName = "points.earned";
    public override string Type => TypeName;
}

public sealed record PointsAdjusted(string MemberId, long Points, string Reason, string Actor, IReadOnlyList<string> EntryIds) : DomainEvent
{
    public const string TypeName = "points.adjusted";
    public override string Type => TypeName;
}

public sealed record PointsReversed(string MemberId, long Points, string OrderId, string RefundId, IReadOnlyList<string> EntryIds) : DomainEvent
{
    public const string TypeName = "points.reversed";
    public override string Type => TypeName;
}

public sealed record PointsExpired(string MemberId, long Points, DateTimeOffset Cutoff, IReadOnlyList<string> EntryIds) : DomainEvent
{
    public const string TypeName = "points.expired";
    public override string Type => TypeName;
}

/// <summary>
/// The daily digest of a member whose points expire on one of the brand's notice days: everything expiring within the
/// longest notice window, per expiry instant. Not a ledger change, so it takes no position in the member's event order
/// (AggregateId ""); sent once per member and <see cref="NoticeDate"/> (the brand's local date).
/// </summary>
public sealed record PointsExpiringSoon(
    string MemberId, string ExternalId, DateOnly NoticeDate, int WithinDays, long Points, DateTimeOffset FirstExpiresAt,
    IReadOnlyList<ExpiringPoints> Breakdown) : DomainEvent
{
    public const string TypeName = "points.expiring_soon";
    public override string Type => TypeName;
}
