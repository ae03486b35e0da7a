using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Points;

public sealed record ExpiringPoints(long Points, DateTimeOffset ExpiresAt);

public sealed record PointsSummary(
    long Available, long Pending, long LifetimeEarned, long LifetimeRedeemed, long Expired, IReadOnlyList<ExpiringPoints> ExpiringSoon);

/// <summary>
/// The member's loyalty summary. A record with one block per feature: the tiers feature adds its <c>tier</c> block
/// beside <see cref="Points"/>.
/// </summary>
public sealed record LoyaltySummary(PointsSummary Points);

public enum PointsEntryState { Pending, Available, Void }

/// <summary>One entry as a member or operator reads it, with why it is there.</summary>
public sealed record PointsEntryView(
    string Id, PointsEntryKind Kind, PointsEntryState State, long Points, long AvailableDelta, long PendingDelta, PointsSource Source,
    string SourceId, string? LotId, IReadOnlyList<string> Rules, string? RuleSetVersionId, int? RuleSetVersion, string? InputsHash, string Actor,
    string? Reason, DateTimeOffset AvailableAt, DateTimeOffset? ExpiresAt, long Waived, DateTimeOffset CreatedAt);

public sealed record AdjustPoints(
    [property: Required, Range(-1_000_000_000, 1_000_000_000)] long? Points,
    [property: Required, MinLength(1), MaxLength(PointsLimits.MaxReasonLength), PlainText] string Reason) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Points == 0) yield return new ValidationResult("points must not be zero: a positive number adds, a negative one takes away.", [nameof(Points)]);
        if (Reason is not null && string.IsNullOrWhiteSpace(Reason)) yield return new ValidationResult("reason must say why.", [nameof(Reason)]);
    }
}

/// <summary>
/// One change to a member's points as a <c>points.*</c> webhook carries it: the member, the net points, and the ledger
/// entries behind it exactly as <c>GET /members/{externalId}/points/entries</c> shows them (source, rules, state).
/// </summary>
public sealed record PointsChangeView(string MemberId, string MemberExternalId, long Points, IReadOnlyList<PointsEntryView> Entries);

/// <summary>
/// The <c>points.expiring_soon</c> digest: a member as <c>GET /points/expiring</c> lists them, with the brand's local
/// notice date, the window it covers and the points per expiry instant.
/// </summary>
public sealed record ExpiringSoonView(
    string MemberId, string ExternalId, string? Name, string? Email, long Points, DateTimeOffset FirstExpiresAt,
    DateOnly NoticeDate, int WithinDays, IReadOnlyList<ExpiringPoints> Breakdown);

public sealed record AdjustmentView(long Points, PointsBalance Balance, IReadOnlyList<PointsEntryView> Entries);

public sealed record ExpiringMember(string MemberId, string ExternalId, string? Name, string? Email, long Points, DateTimeOffset FirstExpiresAt);
