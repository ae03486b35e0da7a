namespace CommunitySaaS.Core.Events;

// Order events carry everything the money features need to act without reading the order back: every amount
// in minor units of the one Currency, per line, with the cumulative refunded share, so points, commission and
// settlement reverse exactly per line. AggregateId is the order id; Sequence counts 1, 2, 3 per order.

/// <summary>One line as paid: after its own discount and its share of the order discount.</summary>
public sealed record PaidLine(
    int LineNumber, string Sku, string Category, int Quantity, long UnitPriceMinor, long GrossMinor, long DiscountMinor,
    long OrderDiscountMinor, long PaidMinor);

public sealed record OrderPaid(
    string OrderId, string ExternalId, string MemberId, string? CommunityId, string? KosShareCode, string Currency,
    long SubtotalMinor, long DiscountMinor, long ShippingMinor, long TotalMinor, IReadOnlyList<PaidLine> Lines,
    DateTimeOffset PaidAt, DateTimeOffset RecordedAt, DateTimeOffset ReturnWindowEndsAt) : DomainEvent
{
    public const string TypeName = "order.paid";
    public override string Type => TypeName;
    public override int SchemaVersion => 2;

    /// <summary>What commission and points are based on: the lines' paid amounts, never shipping.</summary>
    public long GoodsPaidMinor => TotalMinor - ShippingMinor;
}

public sealed record OrderFulfilled(string OrderId, string ExternalId, DateTimeOffset FulfilledAt) : DomainEvent
{
    public const string TypeName = "order.fulfilled";
    public override string Type => TypeName;
    public override int SchemaVersion => 2;
}

/// <summary>
/// What one refund took off a line, and the line's running totals after it: refunded / paid is the share of the
/// line's commission and points to reverse by now.
/// </summary>
public sealed record RefundedLine(
    int LineNumber, int Quantity, long AmountMinor, int RefundedQuantity, long RefundedMinor, int LineQuantity, long PaidMinor);

public sealed record OrderRefunded(
    string OrderId, string ExternalId, string RefundId, string Currency, long AmountMinor, long ShippingMinor,
    IReadOnlyList<RefundedLine> Lines, long OrderRefundedMinor, long OrderTotalMinor, bool FullyRefunded) : DomainEvent
{
    public const string TypeName = "order.refunded";
    public override string Type => TypeName;
    public override int SchemaVersion => 2;
}

/// <summary>Community activity (check-in, review, referral, sign-in) that points rules can reward.</summary>
public sealed record MemberActivity(string MemberId, string Activity, string? CommunityId) : DomainEvent
{
    public const string TypeName = "member.activity";
    public override string Type => TypeName;
}
