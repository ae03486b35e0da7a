using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Core.Orders;

/// <summary>Works out what a refund takes back, and refuses one that would take back more than was paid.</summary>
internal static class RefundPlanner
{
    public sealed record RefundPlan(decimal Amount, IReadOnlyList<RefundedLine> Lines, string? Field = null, string? Error = null);

    public static RefundPlan Plan(Order order, CreateRefund command)
    {
        var remaining = order.Total - order.RefundedTotal;
        if (remaining <= 0) return Fail(nameof(CreateRefund.RefundId), "This order is already fully refunded.");
        if (command.Amount is { } amount)
        {
            return amount > remaining
                ? Fail(nameof(CreateRefund.Amount), $"At most {remaining} is left to refund on this order.")
                : new RefundPlan(amount, []);
        }

        var refunded = order.Refunds.SelectMany(r => r.Lines).GroupBy(l => l.LineNumber).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var lines = new List<RefundedLine>();
        foreach (var (request, index) in command.Lines!.Select((l, i) => (l, i)))
        {
            var line = order.Lines.FirstOrDefault(l => l.LineNumber == request.LineNumber);
            var field = $"Lines[{index}]";
            if (line is null) return Fail($"{field}.LineNumber", $"The order has no line {request.LineNumber}.");
            var left = line.Quantity - refunded.GetValueOrDefault(line.LineNumber) - lines.Where(l => l.LineNumber == line.LineNumber).Sum(l => l.Quantity);
            if (request.Quantity > left) return Fail($"{field}.Quantity", $"Only {left} of line {line.LineNumber} can still be refunded.");
            lines.Add(new RefundedLine(line.LineNumber, request.Quantity, request.Quantity * line.UnitPrice));
        }
        var total = lines.Sum(l => l.Amount);
        return total > remaining
            ? Fail(nameof(CreateRefund.Lines), $"At most {remaining} is left to refund on this order.")
            : new RefundPlan(total, lines);
    }

    private static RefundPlan Fail(string field, string error) => new(0, [], field, error);
}
