namespace CommunitySaaS.Core.Memberships;

public enum MembershipPhase { Pending, Active, PastDue, Ended }

/// <summary>
/// What a subscription's current state grants, from that state alone, so any order of webhooks ends in the same answer.
/// Active: to the period's end, plus the grace days while it renews (a late renewal webhook must not take the tier
/// away for a moment); to the period's end exactly when it cancels then. Past due: the grace days from the start of the
/// period whose invoice failed. Canceled, unpaid, expired, paused, incomplete or revoked: nothing.
/// </summary>
public static class MembershipGrant
{
    /// <summary>The status a membership event reports when the brand revoked it; Stripe's own status stays on the row.</summary>
    public const string Revoked = "revoked";

    public static MembershipPhase PhaseOf(string status, bool revoked) => revoked ? MembershipPhase.Ended : status switch
    {
        "active" or "trialing" => MembershipPhase.Active,
        "past_due" => MembershipPhase.PastDue,
        "incomplete" => MembershipPhase.Pending,
        _ => MembershipPhase.Ended,
    };

    public static DateTimeOffset? GraceUntil(string status, DateTimeOffset? periodStart, int graceDays) =>
        status == "past_due" && periodStart is { } start ? start.AddDays(graceDays) : null;

    public static DateTimeOffset? Until(
        string status, DateTimeOffset? periodStart, DateTimeOffset? periodEnd, bool cancelAtPeriodEnd, int graceDays, bool revoked) =>
        PhaseOf(status, revoked) switch
        {
            MembershipPhase.Active when periodEnd is { } end => cancelAtPeriodEnd ? end : end.AddDays(graceDays),
            MembershipPhase.PastDue => GraceUntil(status, periodStart, graceDays),
            _ => null,
        };
}
