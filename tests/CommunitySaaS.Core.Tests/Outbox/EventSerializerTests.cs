using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Core.Tests.Outbox;

public sealed class EventSerializerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Deserialize_ReturnsTheRegisteredType_WithItsAggregatePosition()
    {
        var serializer = new EventSerializer([new DomainEventType(typeof(OrderPaid), OrderPaid.TypeName)]);
        var paid = new OrderPaid("ord_1", "o-1", "mem_1", null, null, "USD", 2500, 0, 0, 2500,
            [new PaidLine(1, "sku-1", "tea", 1, 2500, 2500, 0, 0, 2500)], At, At, At.AddDays(7)) { TenantId = "ten_1", OccurredAt = At, AggregateId = "ord_1", Sequence = 1 };

        var read = serializer.Deserialize(serializer.Serialize(paid));

        read.ShouldBeOfType<OrderPaid>().Lines.ShouldBe(paid.Lines);
        read.ShouldBe(paid with { Lines = ((OrderPaid)read).Lines });
        serializer.NameOf(paid).ShouldBe("order.paid");
    }

    [Fact]
    public void Serialize_Throws_WhenTheTypeWasNotRegistered()
    {
        var serializer = new EventSerializer([new DomainEventType(typeof(OrderPaid), OrderPaid.TypeName)]);
        var fulfilled = new OrderFulfilled("ord_1", "o-1", At) { TenantId = "ten_1", OccurredAt = At };

        Should.Throw<InvalidOperationException>(() => serializer.NameOf(fulfilled)).Message.ShouldContain("AddDomainEventType<OrderFulfilled>");
    }

    [Fact]
    public void Constructor_Throws_WhenTwoTypesShareAName()
    {
        Should.Throw<InvalidOperationException>(() => new EventSerializer([
            new DomainEventType(typeof(OrderPaid), "order.paid"), new DomainEventType(typeof(OrderFulfilled), "order.paid")]))
            .Message.ShouldContain("order.paid");
    }

    [Fact]
    public void Deserialize_Throws_WhenThePayloadNamesAnUnknownType()
    {
        var serializer = new EventSerializer([new DomainEventType(typeof(OrderPaid), OrderPaid.TypeName)]);

        Should.Throw<System.Text.Json.JsonException>(() => serializer.Deserialize("""{"$type":"order.lost","tenantId":"t","occurredAt":"2026-11-24T12:00:00Z"}"""));
    }
}
