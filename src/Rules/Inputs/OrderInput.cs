namespace CommunitySaaS.Rules;

/// <summary>A paid order, named <c>order</c> in rule expressions.</summary>
/// <param name="Id">The order's id in this product.</param>
/// <param name="ExternalId">The storefront's own order id.</param>
/// <param name="Total">The amount paid, in <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO 4217 code, e.g. <c>USD</c>.</param>
/// <param name="Lines">The order's lines.</param>
/// <param name="CommunityId">The community the order was placed through, if any.</param>
/// <param name="CommunityKind">That community's kind, e.g. <c>online</c> or <c>store</c>.</param>
/// <param name="PaidAt">When the order was paid (UTC).</param>
public sealed record OrderInput(
    Guid Id,
    string ExternalId,
    decimal Total,
    string Currency,
    IReadOnlyList<OrderLineInput> Lines,
    Guid? CommunityId,
    string? CommunityKind,
    DateTimeOffset PaidAt)
{
    /// <summary>The number of items: the sum of the lines' quantities.</summary>
    public int ItemCount { get; } = Lines.Sum(line => line.Quantity);
}
