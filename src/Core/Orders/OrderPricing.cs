using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Orders;

/// <summary>
/// Turns a request's decimal amounts into minor units, exactly (more decimals than the currency has is an error,
/// never a rounding), and spreads the order discount over the lines by largest remainder, so that the lines'
/// paid amounts plus shipping are exactly the total and every later reversal can work per line.
/// </summary>
internal static class OrderPricing
{
    /// <summary>
    /// No order may exceed this many minor units (10^15: 10 trillion USD, a quadrillion JPY). With at most 500 lines of
    /// 100,000 units at 100,000,000 each, no intermediate sum overflows a long, and 9,000 orders at the cap still sum
    /// in a bigint, so no valid order overflows a column, a sum or an event.
    /// </summary>
    public const long MaxTotalMinor = 1_000_000_000_000_000;

    public sealed record PricedLine(CreateOrderLine Request, long UnitPriceMinor, long GrossMinor, long DiscountMinor, long OrderDiscountMinor, long PaidMinor);

    public sealed record Priced(IReadOnlyList<PricedLine> Lines, long SubtotalMinor, long DiscountMinor, long ShippingMinor, long TotalMinor);

    public static Priced? Price(CreateOrder command, string currency, Dictionary<string, string[]> errors)
    {
        var lines = new List<(CreateOrderLine Request, long Unit, long Gross, long Discount)>();
        for (var i = 0; i < command.Lines.Count; i++)
        {
            var line = command.Lines[i];
            var unit = Exact(line.UnitPrice, currency, $"Lines[{i}].UnitPrice", errors);
            var discount = Exact(line.Discount, currency, $"Lines[{i}].Discount", errors);
            if (unit is null || discount is null) continue;
            var gross = checked(unit.Value * line.Quantity);
            if (discount > gross) Add(errors, $"Lines[{i}].Discount", $"The line's discount is more than its gross amount ({Format(gross, currency)}).");
            lines.Add((line, unit.Value, gross, discount.Value));
        }
        var shipping = Exact(command.Shipping, currency, nameof(CreateOrder.Shipping), errors);
        var orderDiscount = Exact(command.Discount, currency, nameof(CreateOrder.Discount), errors);
        if (errors.Count > 0) return null;

        var subtotal = lines.Sum(l => l.Gross);
        var afterLineDiscounts = lines.Sum(l => l.Gross - l.Discount);
        if (orderDiscount > afterLineDiscounts)
        {
            Add(errors, nameof(CreateOrder.Discount), $"The order discount is more than the lines' amount after their discounts ({Format(afterLineDiscounts, currency)}).");
            return null;
        }
        if (subtotal + shipping!.Value > MaxTotalMinor)
        {
            Add(errors, nameof(CreateOrder.Lines), $"An order may total at most {Format(MaxTotalMinor, currency)} {currency}.");
            return null;
        }

        var shares = Allocation.LargestRemainder(orderDiscount!.Value, lines.Select(l => l.Gross - l.Discount).ToList());
        var priced = lines.Select((l, i) => new PricedLine(l.Request, l.Unit, l.Gross, l.Discount, shares[i], l.Gross - l.Discount - shares[i])).ToList();
        return new Priced(priced, subtotal, orderDiscount.Value, shipping.Value, priced.Sum(l => l.PaidMinor) + shipping.Value);
    }

    /// <summary>The amount in minor units, or an error naming the field when it has more decimals than the currency.</summary>
    public static long? Exact(decimal amount, string currency, string field, Dictionary<string, string[]> errors)
    {
        if (Money.TryFromDecimal(amount, currency) is { } money) return money.Minor;
        Add(errors, field, DecimalsMessage(currency));
        return null;
    }

    public static string DecimalsMessage(string currency) => Currencies.Exponent(currency) switch
    {
        0 => $"{currency} has no decimals.",
        var e => $"{currency} has at most {e} decimals.",
    };

    public static string Format(long minor, string currency) => Money.ToDecimal(minor, currency).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
