namespace CommunitySaaS.Rules;

/// <summary>One line of an order, reached in rules as <c>order.Lines</c>.</summary>
/// <param name="Sku">The product's SKU.</param>
/// <param name="Category">The product's category, as the storefront names it.</param>
/// <param name="Quantity">How many were bought.</param>
/// <param name="UnitPrice">The price of one.</param>
/// <param name="Amount">What the line cost in total, after discounts.</param>
public sealed record OrderLineInput(string Sku, string? Category, int Quantity, decimal UnitPrice, decimal Amount);
