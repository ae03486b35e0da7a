using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Memberships;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Rewards;
using CommunitySaaS.Core.Tiers;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>An event type a brand can subscribe to: its name, the shape of its <c>data</c>, and an example of it.</summary>
public sealed record WebhookEventType(string Name, Type PayloadType, string Description, object Example);

/// <summary>
/// Every event type a webhook can carry. A feature's event joins with one line here (its domain event type must also
/// be registered with <c>AddDomainEventType</c>); the OpenAPI document, the validation of subscriptions and the
/// fan-out all read this list.
/// </summary>
public static class WebhookCatalogue
{
    public const string AllEvents = "*";
    public const string Ping = "ping";

    public static readonly IReadOnlyList<WebhookEventType> All =
    [
        new(Ping, typeof(WebhookPing), "Sent by POST /webhook-endpoints/{id}/test; never by a change.", WebhookExamples.Ping),
        new(OrderPaid.TypeName, typeof(OrderPaid), "An order was recorded as paid.", WebhookExamples.OrderPaid),
        new(OrderRefunded.TypeName, typeof(OrderRefunded), "An order was refunded, in full or in part.", WebhookExamples.OrderRefunded),
        new(OrderFulfilled.TypeName, typeof(OrderFulfilled), "An order was fulfilled.", WebhookExamples.OrderFulfilled),
        new(MemberCreated.TypeName, typeof(MemberCreated), "A member was created.", WebhookExamples.MemberCreated),
        new(PointsEarned.TypeName, typeof(PointsEarned), "A member earned points (pending until the return window closes when Pending).", WebhookExamples.PointsEarned),
        new(PointsRedeemed.TypeName, typeof(PointsRedeemed), "A member spent points on a reward.", WebhookExamples.PointsRedeemed),
        new(PointsExpired.TypeName, typeof(PointsExpired), "A member's points expired.", WebhookExamples.PointsExpired),
        new(PointsExpiringSoon.TypeName, typeof(PointsExpiringSoon), "Daily digest: a member's points expire on one of the brand's notice days (default 30, 7 and 1 days ahead).", WebhookExamples.PointsExpiringSoon),
        new(PointsAdjusted.TypeName, typeof(PointsAdjusted), "An operator adjusted a member's points.", WebhookExamples.PointsAdjusted),
        new(PointsReversed.TypeName, typeof(PointsReversed), "Points were taken back by a refund.", WebhookExamples.PointsReversed),
        new(TierChanged.TypeName, typeof(TierChanged), "A member's tier went up or down.", WebhookExamples.TierChanged),
        new(RedemptionCreated.TypeName, typeof(RedemptionCreated), "A member redeemed a reward.", WebhookExamples.RedemptionCreated),
        new(RedemptionCanceled.TypeName, typeof(RedemptionCanceled), "A redemption was canceled and its points returned.", WebhookExamples.RedemptionCanceled),
        new(MembershipPaid.TypeName, typeof(MembershipPaid), "A paid membership's invoice was paid (first payment and each renewal).", WebhookExamples.MembershipPaid),
        new(MembershipActivated.TypeName, typeof(MembershipActivated), "A paid membership became active and grants its tier.", WebhookExamples.MembershipActivated),
        new(MembershipPastDue.TypeName, typeof(MembershipPastDue), "A renewal failed; the tier is kept until the grace period ends.", WebhookExamples.MembershipPastDue),
        new(MembershipCanceled.TypeName, typeof(MembershipCanceled), "A paid membership ended and no longer grants its tier.", WebhookExamples.MembershipCanceled),
    ];

    private static readonly Dictionary<string, WebhookEventType> ByName = All.ToDictionary(e => e.Name, StringComparer.Ordinal);

    public static bool IsKnown(string? name) => name is not null && (name == AllEvents || ByName.ContainsKey(name));

    /// <summary>The catalogue entries that domain events fan out to (all but <c>ping</c>).</summary>
    public static IEnumerable<WebhookEventType> DomainEvents => All.Where(e => typeof(DomainEvent).IsAssignableFrom(e.PayloadType));
}

/// <summary>The <c>data</c> of a <c>ping</c>.</summary>
public sealed record WebhookPing(string EndpointId, string Message);
