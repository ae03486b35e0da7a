using CommunitySaaS.Api.Http;
using CommunitySaaS.Api.Security;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Webhooks;

public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapTenantGroup("webhook-endpoints", "Webhooks");
        group.MapPost("/", Create).WithSummary("Create a webhook endpoint; its signing secret is in the response once and never again")
            .WithSecretResponse().ProducesValidationProblem();
        group.MapGet("/", List).WithSummary("List the brand's webhook endpoints").ProducesValidationProblem();
        group.MapGet("/{endpointId}", Get).WithSummary("Get a webhook endpoint");
        group.MapPatch("/{endpointId}", Update).WithSummary("Change an endpoint's URL, events, description or enabled flag").ProducesValidationProblem();
        group.MapDelete("/{endpointId}", Delete).WithSummary("Delete an endpoint and its delivery log");
        group.MapPost("/{endpointId}/rotate-secret", Rotate)
            .WithSummary("Replace the signing secret; the old one keeps signing alongside for the overlap (default 24 h)")
            .WithSecretResponse().ProducesValidationProblem();
        group.MapGet("/{endpointId}/deliveries", Deliveries).WithSummary("The endpoint's delivery log, newest first").ProducesValidationProblem();
        group.MapPost("/{endpointId}/deliveries/{deliveryId}/retry", Retry).WithSummary("Send a pending or failed delivery again now");
        group.MapPost("/{endpointId}/test", Test).WithSummary("Send a ping event to the endpoint");
        app.MapTenantGroup("webhook-event-types", "Webhooks").MapGet("/", EventTypes).WithSummary("The event types an endpoint can subscribe to");
        return app;
    }

    private static async Task<Results<Created<CreatedWebhookEndpoint>, Ok<CreatedWebhookEndpoint>, NotFoundProblem, ConflictProblem, ValidationProblem>> Create(
        CreateWebhookEndpoint body, WebhookEndpointService webhooks, HttpContext http, CancellationToken ct)
    {
        var result = await webhooks.CreateAsync(body, ct);
        return result.ToHttp(result.Succeeded ? http.Request.Below(result.Value!.Endpoint.Id) : null);
    }

    private static async Task<Ok<Page<WebhookEndpointView>>> List([AsParameters] PageParameters query, WebhookEndpointService webhooks, CancellationToken ct) =>
        TypedResults.Ok(await webhooks.ListAsync(query.ToPageRequest(), ct));

    private static async Task<Results<Ok<WebhookEndpointView>, NotFoundProblem>> Get(string endpointId, WebhookEndpointService webhooks, CancellationToken ct) =>
        await webhooks.GetAsync(endpointId, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };

    private static async Task<Results<Ok<WebhookEndpointView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Update(
        string endpointId, UpdateWebhookEndpoint body, WebhookEndpointService webhooks, CancellationToken ct) =>
        (await webhooks.UpdateAsync(endpointId, body, ct)).ToOk();

    private static async Task<Results<Ok<WebhookEndpointView>, NotFoundProblem>> Delete(string endpointId, WebhookEndpointService webhooks, CancellationToken ct) =>
        await webhooks.DeleteAsync(endpointId, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };

    private static async Task<Results<Ok<RotatedWebhookSecret>, NotFoundProblem>> Rotate(
        string endpointId, RotateWebhookSecret body, WebhookEndpointService webhooks, CancellationToken ct) =>
        await webhooks.RotateSecretAsync(endpointId, body, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };

    private static async Task<Results<Ok<Page<WebhookDeliveryView>>, NotFoundProblem>> Deliveries(
        string endpointId, [AsParameters] PageParameters query, WebhookEndpointService webhooks, CancellationToken ct) =>
        await webhooks.DeliveriesAsync(endpointId, query.ToPageRequest(), ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };

    private static async Task<Results<Ok<WebhookDeliveryView>, NotFoundProblem, ConflictProblem>> Retry(
        string endpointId, string deliveryId, WebhookEndpointService webhooks, CancellationToken ct) =>
        await webhooks.RetryAsync(endpointId, deliveryId, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            { Status: ServiceStatus.Conflict } r => r.Conflict(),
            var r => r.NotFound(),
        };

    private static async Task<Results<Accepted<WebhookDeliveryView>, NotFoundProblem>> Test(string endpointId, WebhookEndpointService webhooks, CancellationToken ct) =>
        await webhooks.TestAsync(endpointId, ct) switch
        {
            { Status: ServiceStatus.Created } r => TypedResults.Accepted((string?)null, r.Value!),
            var r => r.NotFound(),
        };

    private static Ok<Page<WebhookEventTypeView>> EventTypes() =>
        TypedResults.Ok(new Page<WebhookEventTypeView>(WebhookEndpointService.EventTypes, false, null));
}
