using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Orders;

public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapTenantGroup("orders", "Orders");
        group.MapPost("/", Create).WithSummary("Record a paid order (idempotent by orderId: same body returns the first result, another body 409)");
        group.MapGet("/", List).WithSummary("List orders, newest first, filtered by fulfillment (unfulfilled, fulfilled), refund (none, partial, full), paid-at range, community or member");
        group.MapGet("/{orderId}", Get).WithSummary("Get an order with its lines and refunds");
        group.MapPost("/{orderId}/fulfill", Fulfill).WithSummary("Mark an order fulfilled (also after a partial refund; 409 once fully refunded)");
        group.MapPost("/{orderId}/refunds", Refund).WithSummary("Refund lines or an amount, allocated to lines (idempotent by refundId; 409 when more than is left)");
        return app;
    }

    private static async Task<Results<Created<OrderView>, Ok<OrderView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Create(
        CreateOrder body, OrderService orders, HttpContext http, CancellationToken ct) =>
        (await orders.CreateAsync(body, ct)).ToHttp(http.Request.Below(body.OrderId));

    /// <summary>OrderService compares ids, so the cursor is opened here; the other lists hand the cursor to their service.</summary>
    private static async Task<Ok<Page<OrderSummary>>> List([AsParameters] OrderListParameters query, OrderService orders, CancellationToken ct)
    {
        var page = query.ToPageRequest();
        var after = page.After is null ? null : Cursor.Decode(page.After);
        var fulfillment = OneOfAttribute.Parse<FulfillmentStatus>(query.Fulfillment);
        var refund = OneOfAttribute.Parse<RefundStatus>(query.Refund);
        return TypedResults.Ok(await orders.ListAsync(new OrderQuery(fulfillment, refund, query.From, query.To, query.CommunityId, query.Member, page.Limit, after), ct));
    }

    private static async Task<Results<Ok<OrderView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Get(
        [ExternalId] string orderId, OrderService orders, CancellationToken ct) =>
        (await orders.GetAsync(orderId, ct)).ToOk();

    private static async Task<Results<Ok<OrderView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Fulfill(
        [ExternalId] string orderId, OrderService orders, CancellationToken ct) =>
        (await orders.FulfillAsync(orderId, ct)).ToOk();

    private static async Task<Results<Created<OrderView>, Ok<OrderView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Refund(
        [ExternalId] string orderId, CreateRefund body, OrderService orders, CancellationToken ct) =>
        (await orders.RefundAsync(orderId, body, ct)).ToHttp();
}
