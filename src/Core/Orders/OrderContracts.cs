using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Orders;

public sealed record CreateOrderLine(
    [property: Required, MinLength(1), MaxLength(100)] string Sku,
    [property: Required, MinLength(1), MaxLength(100)] string Category,
    [property: Range(1, 100_000)] int Quantity,
    [property: Money] decimal UnitPrice);

/// <summary>A paid storefront order. <see cref="OrderId"/> is the storefront's id and the idempotency key.</summary>
public sealed record CreateOrder(
    [property: Required, ExternalId] string OrderId,
    [property: Required, ExternalId] string MemberExternalId,
    [property: Required, CurrencyCode] string Currency,
    [property: Required, MinLength(1), MaxLength(500)] IReadOnlyList<CreateOrderLine> Lines,
    [property: MaxLength(40)] string? CommunityId = null,
    [property: MaxLength(64)] string? KosShareCode = null,
    DateTimeOffset? PaidAt = null);

public sealed record RefundLineRequest([property: Range(1, 500)] int LineNumber, [property: Range(1, 100_000)] int Quantity);

/// <summary>A refund by lines (each line's quantity) or by amount; <see cref="RefundId"/> makes it idempotent.</summary>
public sealed record CreateRefund(
    [property: Required, ExternalId] string RefundId,
    [property: MaxLength(500)] IReadOnlyList<RefundLineRequest>? Lines = null,
    [property: Money] decimal? Amount = null,
    [property: MaxLength(500)] string? Reason = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((Lines is null or { Count: 0 }) == (Amount is null))
        {
            yield return new ValidationResult("Give either lines or an amount to refund, not both and not neither.", [nameof(Lines), nameof(Amount)]);
        }
        if (Amount is <= 0) yield return new ValidationResult("Amount must be greater than zero.", [nameof(Amount)]);
    }
}

public sealed record OrderLineView(int LineNumber, string Sku, string Category, int Quantity, decimal UnitPrice, decimal Amount, int RefundedQuantity);

public sealed record RefundView(string Id, string RefundId, decimal Amount, string? Reason, IReadOnlyList<RefundedLineView> Lines, DateTimeOffset CreatedAt);

public sealed record RefundedLineView(int LineNumber, int Quantity, decimal Amount);

public sealed record OrderView(
    string Id, string OrderId, string MemberId, string MemberExternalId, string? CommunityId, string? KosShareCode,
    string Currency, decimal Total, decimal RefundedTotal, OrderStatus Status, DateTimeOffset PaidAt, DateTimeOffset? FulfilledAt,
    IReadOnlyList<OrderLineView> Lines, IReadOnlyList<RefundView> Refunds);

public sealed record OrderSummary(
    string Id, string OrderId, string MemberExternalId, string? CommunityId, string Currency, decimal Total, OrderStatus Status, DateTimeOffset PaidAt);

public sealed record OrderQuery(
    OrderStatus? Status = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? CommunityId = null,
    string? MemberExternalId = null, int Limit = PageRequest.DefaultLimit, string? After = null);
