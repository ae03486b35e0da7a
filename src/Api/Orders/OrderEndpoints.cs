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
        group.MapGet("/", List).WithSummary("List orders, newest first, filtered by status, paid-at range, community or member");
        group.MapGet("/{orderId}", Get).WithSummary("Get an order with its lines and refunds");
        group.MapPost("/{orderId}/fulfill", Fulfill).WithSummary("Mark a paid order fulfilled");
        group.MapPost("/{orderId}/refunds", Refund).WithSummary("Refund lines or an amount (idempotent by refundId)");
        return app;
    }

    private static async Task<Results<Ok<OrderView>, Created<OrderView>, ProblemHttpResult, ValidationProblem>> Create(
        CreateOrder body, OrderService orders, HttpContext http, CancellationToken ct) =>
        (await orders.CreateAsync(body, ct)).ToHttp($"{http.Request.Path.Value?.TrimEnd('/')}/{body.OrderId}");

    private static async Task<IResult> List(
        OrderService orders, CancellationToken ct, string? status = null, DateTimeOffset? from = null, DateTimeOffset? to = null,
        string? communityId = null, string? member = null, int? limit = null, string? after = null)
    {
        if (!ListQuery.TryLimit(limit, out var size, out var problem)) return problem!;
        if (!ListQuery.TryEnum<OrderStatus>(status, "status", out var parsedStatus, out problem)) return problem!;
        return TypedResults.Ok(await orders.ListAsync(new OrderQuery(parsedStatus, from, to, communityId, member, size, after), ct));
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
