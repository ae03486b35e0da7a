using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Memberships;
using CommunitySaaS.Core.Orders;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Rewards;
using CommunitySaaS.Core.Tiers;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>
/// An event type a brand can subscribe to: its name, the domain event behind it (none for <c>ping</c>), the REST resource
/// its <c>data</c> is, the source that builds that resource from the event, and an example of it.
/// </summary>
public sealed record WebhookEventType(string Name, Type? EventType, Type DataType, Type? DataSource, string Description, object Example)
{
    public static WebhookEventType Of<TEvent, TData, TSource>(string name, string description, TData example)
        where TEvent : DomainEvent where TData : notnull where TSource : IWebhookData<TEvent> =>
        new(name, typeof(TEvent), typeof(TData), typeof(TSource), description, example);
}

/// <summary>
/// Every event type a webhook can carry. A feature's event joins with one line here, naming its domain event (which
/// must also be registered with <c>AddDomainEventType</c>), the REST resource its <c>data</c> is and the feature's
/// source for it; the OpenAPI document, the validation of subscriptions and the fan-out all read this list.
/// </summary>
public static class WebhookCatalogue
{
    public const string AllEvents = "*";
    public const string Ping = "ping";

    public static readonly IReadOnlyList<WebhookEventType> All =
    [
        new(Ping, null, typeof(WebhookPing), null, "Sent by POST /webhook-endpoints/{id}/test; never by a change.", WebhookExamples.Ping),
        WebhookEventType.Of<OrderPaid, OrderView, OrderWebhookData>(OrderPaid.TypeName, "An order was recorded as paid; data is the order as it was then.", WebhookExamples.OrderPaid),
        WebhookEventType.Of<OrderRefunded, OrderView, OrderWebhookData>(OrderRefunded.TypeName, "An order was refunded, in full or in part; data is the order with the refunds made up to this one.", WebhookExamples.OrderRefunded),
        WebhookEventType.Of<OrderFulfilled, OrderView, OrderWebhookData>(OrderFulfilled.TypeName, "An order was fulfilled; data is the order as it was then.", WebhookExamples.OrderFulfilled),
        WebhookEventType.Of<MemberCreated, MemberView, MemberWebhookData>(MemberCreated.TypeName, "A member was created; data is the member.", WebhookExamples.MemberCreated),
        WebhookEventType.Of<PointsEarned, PointsChangeView, PointsWebhookData>(PointsEarned.TypeName, "A member earned points (pending until the return window closes when the entry is Pending).", WebhookExamples.PointsEarned),
        WebhookEventType.Of<PointsRedeemed, PointsChangeView, RedemptionWebhookData>(PointsRedeemed.TypeName, "A member spent points on a reward.", WebhookExamples.PointsRedeemed),
        WebhookEventType.Of<PointsExpired, PointsChangeView, PointsWebhookData>(PointsExpired.TypeName, "A member's points expired.", WebhookExamples.PointsExpired),
        WebhookEventType.Of<PointsExpiringSoon, ExpiringSoonView, PointsWebhookData>(PointsExpiringSoon.TypeName, "Daily digest: a member's points expire on one of the brand's notice days (default 30, 7 and 1 days ahead).", WebhookExamples.PointsExpiringSoon),
        WebhookEventType.Of<PointsAdjusted, PointsChangeView, PointsWebhookData>(PointsAdjusted.TypeName, "An operator adjusted a member's points.", WebhookExamples.PointsAdjusted),
        WebhookEventType.Of<PointsReversed, PointsChangeView, PointsWebhookData>(PointsReversed.TypeName, "Points were taken back by a refund.", WebhookExamples.PointsReversed),
        WebhookEventType.Of<TierChanged, TierChangeView, TierWebhookData>(TierChanged.TypeName, "A member's tier went up or down; data is the change as the member's tier history shows it.", WebhookExamples.TierChanged),
        WebhookEventType.Of<RedemptionCreated, RedemptionView, RedemptionWebhookData>(RedemptionCreated.TypeName, "A member redeemed a reward; data is the redemption as it was then.", WebhookExamples.RedemptionCreated),
        WebhookEventType.Of<RedemptionCanceled, RedemptionView, RedemptionWebhookData>(RedemptionCanceled.TypeName, "A redemption was canceled and its points returned.", WebhookExamples.RedemptionCanceled),
        WebhookEventType.Of<MembershipPaid, MembershipPaymentView, MembershipWebhookData>(MembershipPaid.TypeName, "A paid membership's invoice was paid (first payment and each renewal).", WebhookExamples.MembershipPaid),
        WebhookEventType.Of<MembershipActivated, MembershipView, MembershipWebhookData>(MembershipActivated.TypeName, "A paid membership became active and grants its tier.", WebhookExamples.MembershipActivated),
        WebhookEventType.Of<MembershipPastDue, MembershipView, MembershipWebhookData>(MembershipPastDue.TypeName, "A renewal failed; the tier is kept until the grace period ends.", WebhookExamples.MembershipPastDue),
        WebhookEventType.Of<MembershipCanceled, MembershipView, MembershipWebhookData>(MembershipCanceled.TypeName, "A paid membership ended and no longer grants its tier.", WebhookExamples.MembershipCanceled),
    ];

    private static readonly Dictionary<string, WebhookEventType> ByName = All.ToDictionary(e => e.Name, StringComparer.Ordinal);

    public static bool IsKnown(string? name) => name is not null && (name == AllEvents || ByName.ContainsKey(name));

    /// <summary>The catalogue entries that domain events fan out to (all but <c>ping</c>).</summary>
    public static IEnumerable<WebhookEventType> DomainEvents => All.Where(e => e.EventType is not null);
}

/// <summary>The <c>data</c> of a <c>ping</c>.</summary>
public sealed record WebhookPing(string EndpointId, string Message);
