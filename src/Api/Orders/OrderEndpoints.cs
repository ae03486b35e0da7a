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

    private static async Task<Results<Ok<OrderView>, Created<OrderView>, ProblemHttpResult, ValidationProblem>> Create(
        CreateOrder body, OrderService orders, HttpContext http, CancellationToken ct) =>
        (await orders.CreateAsync(body, ct)).ToHttp($"{http.Request.Path.Value?.TrimEnd('/')}/{body.OrderId}");

    private static async Task<IResult> List(
        OrderService orders, CancellationToken ct, string? fulfillment = null, string? refund = null, DateTimeOffset? from = null, DateTimeOffset? to = null,
        string? communityId = null, string? member = null, int? limit = null, string? after = null)
    {
        if (!ListQuery.TryLimit(limit, out var size, out var problem)) return problem!;
        if (!ListQuery.TryEnum<FulfillmentStatus>(fulfillment, "fulfillment", out var parsedFulfillment, out problem)) return problem!;
        if (!ListQuery.TryEnum<RefundStatus>(refund, "refund", out var parsedRefund, out problem)) return problem!;
        return TypedResults.Ok(await orders.ListAsync(new OrderQuery(parsedFulfillment, parsedRefund, from, to, communityId, member, size, after), ct));
    }

    private static async Task<Results<Ok<OrderView>, Created<OrderView>, ProblemHttpResult, ValidationProblem>> Get(
        [ExternalId] string orderId, OrderService orders, CancellationToken ct) =>
        (await orders.GetAsync(orderId, ct)).ToHttp();

    private static async Task<Results<Ok<OrderView>, Created<OrderView>, ProblemHttpResult, ValidationProblem>> Fulfill(
        [ExternalId] string orderId, OrderService orders, CancellationToken ct) =>
        (await orders.FulfillAsync(orderId, ct)).ToHttp();

    private static async Task<Results<Ok<OrderView>, Created<OrderView>, ProblemHttpResult, ValidationProblem>> Refund(
        [ExternalId] string orderId, CreateRefund body, OrderService orders, CancellationToken ct) =>
        (await orders.RefundAsync(orderId, body, ct)).ToHttp();
}
