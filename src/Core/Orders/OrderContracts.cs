using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Orders;

// Requests and answers keep decimal amounts in the currency's major unit (12.50 USD, 1200 JPY); the service
// refuses more decimals than the currency has and converts each amount once to minor units.

public sealed record CreateOrderLine(
    [property: Required, MinLength(1), MaxLength(100)] string Sku,
    [property: Required, MinLength(1), MaxLength(100)] string Category,
    [property: Range(1, 100_000)] int Quantity,
    [property: Money] decimal UnitPrice,
    [property: Money] decimal Discount = 0);

/// <summary>A paid storefront order. <see cref="OrderId"/> is the storefront's id and the idempotency key.</summary>
public sealed record CreateOrder(
    [property: Required, ExternalId] string OrderId,
    [property: Required, ExternalId] string MemberExternalId,
    [property: Required, CurrencyCode] string Currency,
    [property: Required, MinLength(1), MaxLength(500)] IReadOnlyList<CreateOrderLine> Lines,
    [property: MaxLength(40)] string? CommunityId = null,
    [property: MaxLength(64)] string? KosShareCode = null,
    DateTimeOffset? PaidAt = null,
    [property: Money] decimal Shipping = 0,
    [property: Money] decimal Discount = 0);

public sealed record RefundLineRequest([property: Range(1, 500)] int LineNumber, [property: Range(1, 100_000)] int Quantity);

/// <summary>A refund by lines (each line's quantity) or by amount; <see cref="RefundId"/> makes it idempotent.</summary>
public sealed record CreateRefund(
    [property: Required, ExternalId] string RefundId,
    [property: MaxLength(500)] IReadOnlyList<RefundLineRequest>? Lines = null,
    decimal? Amount = null,
    [property: MaxLength(500)] string? Reason = null) : IValidatableObject
{
    // Not [Money]: a refund may be as large as the largest order; the service checks it against the order.
    private const decimal MaxAmount = OrderPricing.MaxTotalMinor;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((Lines is null or { Count: 0 }) == (Amount is null))
        {
            yield return new ValidationResult("Give either lines or an amount to refund, not both and not neither.", [nameof(Lines), nameof(Amount)]);
        }
        if (Amount is <= 0 or > MaxAmount) yield return new ValidationResult($"Amount must be greater than zero and at most {MaxAmount}.", [nameof(Amount)]);
    }
}

public sealed record OrderLineView(
    int LineNumber, string Sku, string Category, int Quantity, decimal UnitPrice, decimal Amount, decimal Discount, decimal OrderDiscount,
    decimal PaidAmount, int RefundedQuantity, decimal RefundedAmount);

public sealed record RefundView(string Id, string RefundId, decimal Amount, decimal Shipping, string? Reason, IReadOnlyList<RefundedLineView> Lines, DateTimeOffset CreatedAt);

public sealed record RefundedLineView(int LineNumber, int Quantity, decimal Amount);

public sealed record OrderView(
    string Id, string OrderId, string MemberId, string MemberExternalId, string? CommunityId, string? KosShareCode,
    string Currency, decimal Subtotal, decimal Discount, decimal Shipping, decimal Total, decimal RefundedTotal,
    FulfillmentStatus FulfillmentStatus, RefundStatus RefundStatus, DateTimeOffset PaidAt, DateTimeOffset RecordedAt,
    DateTimeOffset? FulfilledAt, DateTimeOffset ReturnWindowEndsAt, IReadOnlyList<OrderLineView> Lines, IReadOnlyList<RefundView> Refunds);

public sealed record OrderSummary(
    string Id, string OrderId, string MemberExternalId, string? CommunityId, string Currency, decimal Total, decimal RefundedTotal,
    FulfillmentStatus FulfillmentStatus, RefundStatus RefundStatus, DateTimeOffset PaidAt);

public sealed record OrderQuery(
    FulfillmentStatus? Fulfillment = null, RefundStatus? Refund = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    string? CommunityId = null, string? MemberExternalId = null, int Limit = PageRequest.DefaultLimit, string? After = null);
