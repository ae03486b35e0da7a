using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Memberships;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Rewards;
using CommunitySaaS.Core.Tiers;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>The example <c>data</c> of each catalogued event type, shown in the OpenAPI document.</summary>
internal static class WebhookExamples
{
    private const string Tenant = "ten_0193a1b2c3d4e5f60718293a4b5c6d7e";
    private const string Member = "mem_0193a1b2c3d4e5f60718293a4b5c6d7f";
    private const string Order = "ord_0193a1b2c3d4e5f60718293a4b5c6d80";
    private const string Redemption = "red_0193a1b2c3d4e5f60718293a4b5c6d81";
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static readonly WebhookPing Ping = new("whe_0193a1b2c3d4e5f60718293a4b5c6d82", "Test event from CommunitySaaS.");

    public static readonly OrderPaid OrderPaid = new(Order, "SHOP-1001", Member, null, "KOS42", "USD", 5000, 0, 500, 5500,
        [new PaidLine(1, "TEA-01", "tea", 2, 2500, 5000, 0, 0, 5000)], At, At, At.AddDays(14))
    { TenantId = Tenant, OccurredAt = At, AggregateId = Order, Sequence = 1 };

    public static readonly OrderRefunded OrderRefunded = new(Order, "SHOP-1001", "rfd_0193a1b2c3d4e5f60718293a4b5c6d83", "USD", 2500, 0,
        [new RefundedLine(1, 1, 2500, 1, 2500, 2, 5000)], 2500, 5500, false)
    { TenantId = Tenant, OccurredAt = At, AggregateId = Order, Sequence = 2 };

    public static readonly OrderFulfilled OrderFulfilled = new(Order, "SHOP-1001", At)
    { TenantId = Tenant, OccurredAt = At, AggregateId = Order, Sequence = 3 };

    public static readonly MemberCreated MemberCreated = new(Member, "cust-1001", At) { TenantId = Tenant, OccurredAt = At };

    public static readonly PointsEarned PointsEarned = new(Member, 55, true, "order", Order, ["pte_0193a1b2c3d4e5f60718293a4b5c6d84"], ["base"], At.AddDays(14), At.AddYears(1))
    { TenantId = Tenant, OccurredAt = At, AggregateId = Member, Sequence = 1 };

    public static readonly PointsRedeemed PointsRedeemed = new(Member, 500, Redemption, ["pte_0193a1b2c3d4e5f60718293a4b5c6d85"])
    { TenantId = Tenant, OccurredAt = At, AggregateId = Member, Sequence = 2 };

    public static readonly PointsExpired PointsExpired = new(Member, 40, At, ["pte_0193a1b2c3d4e5f60718293a4b5c6d86"])
    { TenantId = Tenant, OccurredAt = At, AggregateId = Member, Sequence = 3 };

    public static readonly PointsExpiringSoon PointsExpiringSoon = new(Member, "cust-1001", new DateOnly(2026, 3, 2), 30, 160, At.AddDays(7),
        [new ExpiringPoints(120, At.AddDays(7)), new ExpiringPoints(40, At.AddDays(28))])
    { TenantId = Tenant, OccurredAt = At };

    public static readonly PointsAdjusted PointsAdjusted = new(Member, 100, "Goodwill for a late parcel", "usr_0193a1b2c3d4e5f60718293a4b5c6d87", ["pte_0193a1b2c3d4e5f60718293a4b5c6d88"])
    { TenantId = Tenant, OccurredAt = At, AggregateId = Member, Sequence = 4 };

    public static readonly PointsReversed PointsReversed = new(Member, 25, Order, "rfd_0193a1b2c3d4e5f60718293a4b5c6d83", ["pte_0193a1b2c3d4e5f60718293a4b5c6d89"])
    { TenantId = Tenant, OccurredAt = At, AggregateId = Member, Sequence = 5 };

    public static readonly TierChanged TierChanged = new(Member, "silver", "gold", "rules", "spent 2,000 in 12 months", "order.paid", 3)
    { TenantId = Tenant, OccurredAt = At, AggregateId = Member, Sequence = 6 };

    public static readonly RedemptionCreated RedemptionCreated = new(Redemption, Member, "rwd_0193a1b2c3d4e5f60718293a4b5c6d8a", 1, 500, ["WELCOME-7Q2X"])
    { TenantId = Tenant, OccurredAt = At, AggregateId = Redemption, Sequence = 1 };

    public static readonly RedemptionCanceled RedemptionCanceled = new(Redemption, Member, "rwd_0193a1b2c3d4e5f60718293a4b5c6d8a", 500)
    { TenantId = Tenant, OccurredAt = At, AggregateId = Redemption, Sequence = 2 };

    private const string Membership = "msh_0193a1b2c3d4e5f60718293a4b5c6d83";
    private const string Subscription = "sub_1QExampleSubscription";
    private static readonly DateTimeOffset PeriodEnd = new(2026, 4, 2, 9, 30, 0, TimeSpan.Zero);

    public static readonly MembershipPaid MembershipPaid = new(Member, Membership, Subscription, "in_1QExampleInvoice", "black", "monthly", "USD", 1900, At)
    { TenantId = Tenant, OccurredAt = At, AggregateId = Member, Sequence = 7 };

    public static readonly MembershipActivated MembershipActivated = new(Member, Membership, Subscription, "black", "active", "incomplete", PeriodEnd, PeriodEnd.AddDays(7))
    { TenantId = Tenant, OccurredAt = At, AggregateId = Member, Sequence = 8 };

    public static readonly MembershipPastDue MembershipPastDue = new(Member, Membership, Subscription, "black", "past_due", "active", PeriodEnd, PeriodEnd.AddDays(7))
    { TenantId = Tenant, OccurredAt = At, AggregateId = Member, Sequence = 9 };

    public static readonly MembershipCanceled MembershipCanceled = new(Member, Membership, Subscription, "black", "canceled", "past_due", PeriodEnd, null)
    { TenantId = Tenant, OccurredAt = At, AggregateId = Member, Sequence = 10 };
}
