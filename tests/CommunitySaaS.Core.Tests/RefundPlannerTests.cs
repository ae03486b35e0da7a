using CommunitySaaS.Core.Orders;

namespace CommunitySaaS.Core.Tests;

public sealed class RefundPlannerTests
{
    private static Order Order(params Refund[] refunds) => new()
    {
        ExternalId = "o", MemberId = "m", Currency = "USD", Total = 50m, RequestHash = "h",
        Lines =
        [
            new OrderLine { LineNumber = 1, Sku = "a", Category = "c", Quantity = 2, UnitPrice = 10m, Amount = 20m },
            new OrderLine { LineNumber = 2, Sku = "b", Category = "c", Quantity = 3, UnitPrice = 10m, Amount = 30m },
        ],
        Refunds = [.. refunds],
    };

    [Fact]
    public void Plan_PricesLinesAtTheirUnitPrice_WhenRefundingByLine()
    {
        var plan = RefundPlanner.Plan(Order(), new CreateRefund("r", [new RefundLineRequest(2, 2)]));
        plan.Error.ShouldBeNull();
        plan.Amount.ShouldBe(20m);
    }

    [Fact]
    public void Plan_Refuses_WhenALineIsRefundedBeyondItsQuantityAcrossRefunds()
    {
        var earlier = new Refund { ExternalId = "r0", Amount = 10m, RequestHash = "h", Lines = [new RefundLine { LineNumber = 1, Quantity = 1, Amount = 10m }] };
        var plan = RefundPlanner.Plan(Order(earlier), new CreateRefund("r", [new RefundLineRequest(1, 1), new RefundLineRequest(1, 1)]));
        plan.Field.ShouldBe("Lines[1].Quantity");
    }

    [Fact]
    public void Plan_Refuses_WhenAmountExceedsWhatIsLeft()
    {
        var earlier = new Refund { ExternalId = "r0", Amount = 45m, RequestHash = "h" };
        RefundPlanner.Plan(Order(earlier), new CreateRefund("r", Amount: 5.01m)).Field.ShouldBe(nameof(CreateRefund.Amount));
        RefundPlanner.Plan(Order(earlier), new CreateRefund("r", Amount: 5m)).Error.ShouldBeNull();
    }

    [Fact]
    public void Plan_Refuses_WhenLineDoesNotExist()
    {
        RefundPlanner.Plan(Order(), new CreateRefund("r", [new RefundLineRequest(9, 1)])).Field.ShouldBe("Lines[0].LineNumber");
    }
}
