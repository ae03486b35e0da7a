using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Orders;

/// <summary>
/// Works out what a refund takes back from the order as last read, line by line. It proposes; the refund's
/// conditional updates decide, so a plan made on a stale read can lose but never over-refund.
/// A refund by amount goes to the lines first, by largest remainder over what each line has left to refund,
/// and only the part beyond all the lines' remainder gives back shipping: goods are what refunds are about,
/// and commission and points reverse with the lines. A refund by lines gives back each unit's share of the
/// line's paid amount; the line's last unit takes whatever is left of it, so a line refunded unit by unit
/// returns exactly what it brought in.
/// </summary>
internal static class RefundPlanner
{
    public sealed record PlannedLine(long LineId, int LineNumber, int Quantity, long AmountMinor, int ExpectedRefundedQuantity);

    public sealed record RefundPlan(long AmountMinor, long ShippingMinor, IReadOnlyList<PlannedLine> Lines);

    public static ServiceResult<RefundPlan> Plan(Order order, CreateRefund command)
    {
        var remaining = order.TotalMinor - order.RefundedMinor;
        if (remaining <= 0) return ServiceResult<RefundPlan>.Conflict($"Order '{order.ExternalId}' is already fully refunded.");
        return command.Amount is { } amount ? ByAmount(order, amount, remaining) : ByLines(order, command.Lines!, remaining);
    }

    private static ServiceResult<RefundPlan> ByAmount(Order order, decimal amount, long remaining)
    {
        var field = nameof(CreateRefund.Amount);
        if (Money.TryFromDecimal(amount, order.Currency) is not { } money) return ServiceResult<RefundPlan>.Invalid(field, OrderPricing.DecimalsMessage(order.Currency));
        var minor = money.Minor;
        if (minor > order.TotalMinor)
        {
            return ServiceResult<RefundPlan>.Invalid(field, $"The order's total is {OrderPricing.Format(order.TotalMinor, order.Currency)}; a refund cannot be more.");
        }
        if (minor > remaining) return LeftOnly(order, remaining);

        var lines = order.Lines.OrderBy(l => l.LineNumber).ToList();
        var lineRemainders = lines.Select(l => l.PaidMinor - l.RefundedMinor).ToList();
        var toLines = Math.Min(minor, lineRemainders.Sum());
        var shipping = minor - toLines;
        if (shipping > order.ShippingMinor - order.ShippingRefundedMinor) return LeftOnly(order, remaining);
        var parts = toLines == 0 ? new long[lines.Count] : Allocation.LargestRemainder(toLines, lineRemainders);
        var planned = lines.Select((l, i) => new PlannedLine(l.Id, l.LineNumber, 0, parts[i], l.RefundedQuantity)).Where(p => p.AmountMinor > 0).ToList();
        return ServiceResult<RefundPlan>.Ok(new RefundPlan(minor, shipping, planned));
    }

    private static ServiceResult<RefundPlan> ByLines(Order order, IReadOnlyList<RefundLineRequest> requests, long remaining)
    {
        var planned = new List<PlannedLine>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var field = $"Lines[{i}]";
            var line = order.Lines.FirstOrDefault(l => l.LineNumber == request.LineNumber);
            if (line is null) return ServiceResult<RefundPlan>.Invalid($"{field}.LineNumber", $"The order has no line {request.LineNumber}.");
            if (request.Quantity > line.Quantity)
            {
                return ServiceResult<RefundPlan>.Invalid($"{field}.Quantity", $"Line {line.LineNumber} has only {line.Quantity} units.");
            }
            if (planned.Any(p => p.LineNumber == line.LineNumber))
            {
                return ServiceResult<RefundPlan>.Invalid($"{field}.LineNumber", $"Line {line.LineNumber} is named twice; give its quantity once.");
            }
            var left = line.Quantity - line.RefundedQuantity;
            if (request.Quantity > left)
            {
                return ServiceResult<RefundPlan>.Conflict($"Only {left} of line {line.LineNumber} can still be refunded.");
            }
            planned.Add(new PlannedLine(line.Id, line.LineNumber, request.Quantity, UnitsShare(line, request.Quantity), line.RefundedQuantity));
        }
        var total = planned.Sum(p => p.AmountMinor);
        if (total == 0) return ServiceResult<RefundPlan>.Conflict("Nothing is left to refund on those lines.");
        return total > remaining ? LeftOnly(order, remaining) : ServiceResult<RefundPlan>.Ok(new RefundPlan(total, 0, planned));
    }

    /// <summary>The paid amount of units r+1 .. r+q of a line: each unit's share floored, the last unit taking the rest.</summary>
    internal static long UnitsShare(OrderLine line, int quantity)
    {
        var left = line.PaidMinor - line.RefundedMinor;
        var after = line.RefundedQuantity + quantity;
        if (after == line.Quantity) return left;
        var share = Cumulative(line, after) - Cumulative(line, line.RefundedQuantity);
        return Math.Min(share, left);
    }

    private static long Cumulative(OrderLine line, int units) => (long)((Int128)line.PaidMinor * units / line.Quantity);

    private static ServiceResult<RefundPlan> LeftOnly(Order order, long remaining) =>
        ServiceResult<RefundPlan>.Conflict($"At most {OrderPricing.Format(remaining, order.Currency)} {order.Currency} is left to refund on order '{order.ExternalId}'.");
}
