using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Orders;

namespace CommunitySaaS.Core.Tests;

public sealed class RefundPlannerTests
{
    /// <summary>Two lines, 20.00 and 30.00 gross, an order discount of 5.00 spread 2.00 / 3.00, shipping 4.00: total 49.00.</summary>
    private static Order Order(long refunded = 0, long shippingRefunded = 0, params OrderLine[] lines) => new()
    {
        ExternalId = "o", MemberId = "m", Currency = "USD", RequestHash = "h",
        SubtotalMinor = 5000, DiscountMinor = 500, ShippingMinor = 400, TotalMinor = 4900, RefundedMinor = refunded, ShippingRefundedMinor = shippingRefunded,
        Lines = lines.Length > 0 ? [.. lines] : [Line(1, 2, 2000, 200), Line(2, 3, 3000, 300)],
    };

    private static OrderLine Line(int number, int quantity, long gross, long orderDiscount, long refunded = 0, int refundedQuantity = 0) => new()
    {
        Id = number, LineNumber = number, Sku = $"s{number}", Category = "c", Quantity = quantity, UnitPriceMinor = gross / quantity, GrossMinor = gross,
        OrderDiscountMinor = orderDiscount, PaidMinor = gross - orderDiscount, RefundedMinor = refunded, RefundedQuantity = refundedQuantity,
    };

    [Fact]
    public void Plan_GivesEachUnitItsShareOfThePaidAmount_WhenRefundingByLine()
    {
        var plan = RefundPlanner.Plan(Order(), new CreateRefund("r", [new RefundLineRequest(2, 2)])).Value!;
        // Line 2 brought in 27.00 for 3 units: two units are 18.00, not 2 x the 10.00 list price.
        plan.AmountMinor.ShouldBe(1800);
        plan.ShippingMinor.ShouldBe(0);
        plan.Lines.ShouldHaveSingleItem().ShouldBe(new RefundPlanner.PlannedLine(2, 2, 2, 1800, 0));
    }

    [Fact]
    public void Plan_RefundsExactlyWhatALineBroughtIn_WhenItsUnitsAreRefundedOneByOne()
    {
        // 10.00 over 3 units does not divide: 3.33 + 3.33 + 3.34.
        var line = Line(1, 3, 1000, 0);
        var order = Order(0, 0, line);
        var taken = new List<long>();
        for (var unit = 0; unit < 3; unit++)
        {
            var amount = RefundPlanner.UnitsShare(line, 1);
            taken.Add(amount);
            line = Line(1, 3, 1000, 0, line.RefundedMinor + amount, line.RefundedQuantity + 1);
        }
        taken.ShouldBe([333, 333, 334]);
        taken.Sum().ShouldBe(order.Lines[0].PaidMinor);
    }

    [Fact]
    public void Plan_AllocatesAnAmountOverLinesByWhatEachHasLeft_AndShippingOnlyPastTheLines()
    {
        var partly = Order(4300, 0, Line(1, 2, 2000, 200, refunded: 1800, refundedQuantity: 2), Line(2, 3, 3000, 300, refunded: 2500));
        var plan = RefundPlanner.Plan(partly, new CreateRefund("r", Amount: 1.50m)).Value!;
        plan.AmountMinor.ShouldBe(150);
        plan.Lines.ShouldHaveSingleItem().ShouldBe(new RefundPlanner.PlannedLine(2, 2, 0, 150, 0));
        plan.ShippingMinor.ShouldBe(0);

        var rest = RefundPlanner.Plan(partly, new CreateRefund("r", Amount: 2.00m)).Value!;
        rest.Lines.Single().AmountMinor.ShouldBe(200);
        rest.ShippingMinor.ShouldBe(0);

        var beyondLines = RefundPlanner.Plan(partly, new CreateRefund("r", Amount: 3.00m)).Value!;
        beyondLines.Lines.Single().AmountMinor.ShouldBe(200);
        beyondLines.ShippingMinor.ShouldBe(100);

        var withShipping = RefundPlanner.Plan(Order(), new CreateRefund("r", Amount: 49m)).Value!;
        withShipping.Lines.Select(l => l.AmountMinor).ShouldBe([1800, 2700]);
        withShipping.ShippingMinor.ShouldBe(400);
    }

    [Fact]
    public void Plan_SplitsAnAmountInProportion_WithTheRemainderToTheLargestShare()
    {
        var plan = RefundPlanner.Plan(Order(), new CreateRefund("r", Amount: 0.01m)).Value!;
        plan.Lines.ShouldHaveSingleItem().LineNumber.ShouldBe(2);
        var tenth = RefundPlanner.Plan(Order(), new CreateRefund("r", Amount: 10m)).Value!;
        tenth.Lines.Select(l => l.AmountMinor).ShouldBe([400, 600]);
    }

    [Fact]
    public void Plan_Conflicts_WhenALineHasFewerUnitsLeftThanAsked()
    {
        var order = Order(900, 0, Line(1, 2, 2000, 200, refunded: 900, refundedQuantity: 1), Line(2, 3, 3000, 300));
        var result = RefundPlanner.Plan(order, new CreateRefund("r", [new RefundLineRequest(1, 2)]));
        result.Status.ShouldBe(ServiceStatus.Conflict);
        result.Message.ShouldNotBeNull().ShouldContain("Only 1 of line 1");
    }

    [Fact]
    public void Plan_IsInvalid_WhenALineIsNamedTwiceOrAskedForMoreThanItEverHad()
    {
        RefundPlanner.Plan(Order(), new CreateRefund("r", [new RefundLineRequest(1, 1), new RefundLineRequest(1, 1)])).Errors!.Keys.ShouldBe(["Lines[1].LineNumber"]);
        RefundPlanner.Plan(Order(), new CreateRefund("r", [new RefundLineRequest(1, 3)])).Errors!.Keys.ShouldBe(["Lines[0].Quantity"]);
        RefundPlanner.Plan(Order(), new CreateRefund("r", [new RefundLineRequest(9, 1)])).Errors!.Keys.ShouldBe(["Lines[0].LineNumber"]);
    }

    [Fact]
    public void Plan_Conflicts_WhenAmountExceedsWhatIsLeft_AndIsInvalid_WhenItExceedsTheOrder()
    {
        var refunded = Order(4400, 0, Line(1, 2, 2000, 200, refunded: 1800), Line(2, 3, 3000, 300, refunded: 2600));
        RefundPlanner.Plan(refunded, new CreateRefund("r", Amount: 5.01m)).Status.ShouldBe(ServiceStatus.Conflict);
        RefundPlanner.Plan(refunded, new CreateRefund("r", Amount: 5m)).Succeeded.ShouldBeTrue();
        RefundPlanner.Plan(Order(), new CreateRefund("r", Amount: 49.01m)).Errors!.Keys.ShouldBe([nameof(CreateRefund.Amount)]);
    }

    [Fact]
    public void Plan_IsInvalid_WhenAmountHasMoreDecimalsThanTheCurrency()
    {
        var result = RefundPlanner.Plan(Order(), new CreateRefund("r", Amount: 1.005m));
        result.Errors![nameof(CreateRefund.Amount)].ShouldBe(["USD has at most 2 decimals."]);
    }
}
