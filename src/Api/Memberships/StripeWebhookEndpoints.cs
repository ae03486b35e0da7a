using System.Text;
using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Memberships;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Memberships;

public static class StripeWebhookEndpoints
{
    public sealed record WebhookAck(bool Received, bool Duplicate, string EventId);

    /// <summary>
    /// Stripe's calls: no API key, the brand from the path, trust from the <c>Stripe-Signature</c> alone (checked on the
    /// raw bytes, so the body is read as sent, never model-bound).
    /// </summary>
    internal static IEndpointRouteBuilder MapStripeWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/stripe/{tenant}", Receive).AllowAnonymous().WithTags("Webhooks")
            .WithSummary("Stripe's webhook for one brand: verified by its signing secret, stored once by event id, processed in the background")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<Results<Ok<WebhookAck>, ProblemHttpResult>> Receive(HttpRequest request, StripeWebhookInbox inbox, CancellationToken ct)
    {
        if (request.ContentLength > MembershipLimits.MaxWebhookBodyBytes)
            return TypedResults.Problem(title: "Payload too large", detail: $"A Stripe event is at most {MembershipLimits.MaxWebhookBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        if (body.Length > MembershipLimits.MaxWebhookBodyBytes)
            return TypedResults.Problem(title: "Payload too large", detail: $"A Stripe event is at most {MembershipLimits.MaxWebhookBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        var result = await inbox.ReceiveAsync(body, request.Headers["Stripe-Signature"].ToString(), ct);
        return result.Receipt switch
        {
            WebhookReceipt.Accepted => TypedResults.Ok(new WebhookAck(true, false, result.EventId!)),
            WebhookReceipt.Duplicate => TypedResults.Ok(new WebhookAck(true, true, result.EventId!)),
            _ => TypedResults.Problem(title: "Invalid Stripe webhook", detail: result.Problem, statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["Stripe-Signature"] = [result.Problem!] } }),
        };
    }
}
