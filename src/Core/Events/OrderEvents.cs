namespace CommunitySaaS.Core.Events;

public sealed record OrderPaid(
    string OrderId, string ExternalId, string MemberId, string? CommunityId, string? KosShareCode,
    decimal Total, string Currency) : DomainEvent
{
    public const string TypeName = "order.paid";
    public override string Type => TypeName;
}

public sealed record OrderFulfilled(string OrderId, string ExternalId) : DomainEvent
{
    public const string TypeName = "order.fulfilled";
    public override string Type => TypeName;
}

public sealed record RefundedLine(int LineNumber, int Quantity, decimal Amount);

public sealed record OrderRefunded(
    string OrderId, string ExternalId, string RefundId, decimal Amount, string Currency,
    IReadOnlyList<RefundedLine> Lines, bool FullyRefunded) : DomainEvent
{
    public const string TypeName = "order.refunded";
    public override string Type => TypeName;
}

/// <summary>Community activity (check-in, review, referral, sign-in) that points rules can reward.</summary>
public sealed record MemberActivity(string MemberId, string Activity, string? CommunityId) : DomainEvent
{
    public const string TypeName = "member.activity";
    public override string Type => TypeName;
}
