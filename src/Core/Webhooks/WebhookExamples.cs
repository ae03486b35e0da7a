using CommunitySaaS.Core.Memberships;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Orders;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Rewards;
using CommunitySaaS.Core.Tiers;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>The example <c>data</c> of each catalogued event type, shown in the OpenAPI document: one story of one member.</summary>
internal static class WebhookExamples
{
    private const string Member = "mem_0193a1b2c3d4e5f60718293a4b5c6d7f";
    private const string Customer = "cust-1001";
    private const string Order = "ord_0193a1b2c3d4e5f60718293a4b5c6d80";
    private const string Redemption = "red_0193a1b2c3d4e5f60718293a4b5c6d81";
    private const string Reward = "rwd_0193a1b2c3d4e5f60718293a4b5c6d8a";
    private const string EarnEntry = "pte_0193a1b2c3d4e5f60718293a4b5c6d84";
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RefundedAt = At.AddDays(3);

    public static readonly WebhookPing Ping = new("whe_0193a1b2c3d4e5f60718293a4b5c6d82", "Test event from CommunitySaaS.");

    public static readonly OrderView OrderPaid = new(
        Order, "SHOP-1001", Member, Customer, "com_0193a1b2c3d4e5f60718293a4b5c6d8b", "KOS42", "USD", 50m, 0m, 5m, 55m, 0m,
        FulfillmentStatus.Unfulfilled, RefundStatus.None, At, At, null, At.AddDays(14),
        [new OrderLineView(1, "TEA-01", "tea", 2, 25m, 50m, 0m, 0m, 50m, 0, 0m)], []);

    public static readonly OrderView OrderFulfilled = OrderPaid with { FulfillmentStatus = FulfillmentStatus.Fulfilled, FulfilledAt = At.AddDays(1) };

    public static readonly OrderView OrderRefunded = OrderFulfilled with
    {
        RefundedTotal = 25m, RefundStatus = RefundStatus.Partial,
        Lines = [new OrderLineView(1, "TEA-01", "tea", 2, 25m, 50m, 0m, 0m, 50m, 1, 25m)],
        Refunds = [new RefundView("ref_0193a1b2c3d4e5f60718293a4b5c6d83", "RF-1001-1", 25m, 0m, "damaged", [new RefundedLineView(1, 1, 25m)], RefundedAt)],
    };

    public static readonly MemberView MemberCreated = new(
        Member, Customer, "Ada Lin", "ada@example.com", null, null, ["vip"],
        [new MemberCommunity("com_0193a1b2c3d4e5f60718293a4b5c6d8b", "Tea lovers Shanghai", At)], At, At);

    private static PointsEntryView Entry(string id, PointsEntryKind kind, PointsEntryState state, long available, long pending, PointsSource source,
        string sourceId, string? lotId, string actor, string? reason = null, IReadOnlyList<string>? rules = null) =>
        new(id, kind, state, available + pending, available, pending, source, sourceId, lotId, rules ?? [],
            rules is null ? null : "rsv_0193a1b2c3d4e5f60718293a4b5c6d8c", rules is null ? null : 3, rules is null ? null : "9c1f0e6b", actor, reason,
            kind == PointsEntryKind.Earn ? At.AddDays(14) : At, kind == PointsEntryKind.Earn ? At.AddYears(1) : null, 0, At);

    public static readonly PointsChangeView PointsEarned = new(Member, Customer, 55,
        [Entry(EarnEntry, PointsEntryKind.Earn, PointsEntryState.Pending, 0, 55, PointsSource.Order, Order, null, "system", rules: ["base"])]);

    public static readonly PointsChangeView PointsRedeemed = new(Member, Customer, -500,
        [Entry("pte_0193a1b2c3d4e5f60718293a4b5c6d85", PointsEntryKind.Redeem, PointsEntryState.Available, -500, 0, PointsSource.Redemption, Redemption, "pte_0193a1b2c3d4e5f60718293a4b5c6d70", "key_storefront")]);

    public static readonly PointsChangeView PointsExpired = new(Member, Customer, -40,
        [Entry("pte_0193a1b2c3d4e5f60718293a4b5c6d86", PointsEntryKind.Expire, PointsEntryState.Available, -40, 0, PointsSource.Job, "2026-03-02", "pte_0193a1b2c3d4e5f60718293a4b5c6d71", "system")]);

    public static readonly PointsChangeView PointsAdjusted = new(Member, Customer, 100,
        [Entry("pte_0193a1b2c3d4e5f60718293a4b5c6d88", PointsEntryKind.Adjust, PointsEntryState.Available, 100, 0, PointsSource.Admin, "adj_0193a1b2c3d4e5f60718293a4b5c6d8d", null, "usr_0193a1b2c3d4e5f60718293a4b5c6d87", "Goodwill for a late parcel")]);

    public static readonly PointsChangeView PointsReversed = new(Member, Customer, -25,
        [Entry("pte_0193a1b2c3d4e5f60718293a4b5c6d89", PointsEntryKind.Reverse, PointsEntryState.Available, 0, -25, PointsSource.Refund, "ref_0193a1b2c3d4e5f60718293a4b5c6d83", EarnEntry, "system")]);

    public static readonly ExpiringSoonView PointsExpiringSoon = new(Member, Customer, "Ada Lin", "ada@example.com", 160, At.AddDays(7),
        new DateOnly(2026, 3, 2), 30, [new ExpiringPoints(120, At.AddDays(7)), new ExpiringPoints(40, At.AddDays(28))]);

    public static readonly TierChangeView TierChanged = new(
        "tch_0193a1b2c3d4e5f60718293a4b5c6d8e", Member, Customer, "silver", "gold", TierSources.Earned, TierChangeReason.Upgrade, "order.paid",
        "rsv_0193a1b2c3d4e5f60718293a4b5c6d8f", 3, "gold-by-spend", 2400, 2050m, 9, null, At);

    public static readonly RedemptionView RedemptionCreated = new(
        Redemption, Member, Customer, Reward, "welcome-coupon", "Welcome coupon", 1, 500, RedemptionStatus.Active, ["WELCOME-7Q2X"], At, null);

    public static readonly RedemptionView RedemptionCanceled = RedemptionCreated with { Status = RedemptionStatus.Canceled, CanceledAt = At.AddHours(2) };

    private static readonly DateTimeOffset PeriodEnd = new(2026, 4, 2, 9, 30, 0, TimeSpan.Zero);

    public static readonly MembershipView MembershipActivated = new(
        "msp_0193a1b2c3d4e5f60718293a4b5c6d83", "sub_1QExampleSubscription", "black", "monthly", "active", MembershipPhase.Active,
        PeriodEnd, false, null, PeriodEnd.AddDays(7), true, null, At, At, Customer);

    public static readonly MembershipPaymentView MembershipPaid = new("in_1QExampleInvoice", "USD", 19m, At, MembershipActivated);

    public static readonly MembershipView MembershipPastDue = MembershipActivated with { Status = "past_due", Phase = MembershipPhase.PastDue, GraceUntil = PeriodEnd.AddDays(7) };

    public static readonly MembershipView MembershipCanceled = MembershipActivated with
    {
        Status = "canceled", Phase = MembershipPhase.Ended, GrantedUntil = PeriodEnd, Granting = false,
    };
}
