using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Memberships;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Memberships;

public static class MembershipsEndpoints
{
    /// <summary>Paid tiers, memberships, the Stripe event log, the Stripe settings and Stripe's webhook.</summary>
    public static IEndpointRouteBuilder MapMembershipsEndpoints(this IEndpointRouteBuilder app)
    {
        var paid = app.MapTenantGroup("paid-tiers", "Memberships");
        paid.MapGet("/", ListPaidTiers).WithSummary("Every tier with whether it is for sale, its Stripe prices and its active paid members");
        paid.MapPut("/{code}", PutPaidTier).WithSummary("Put a tier on sale (or off) with its monthly and yearly Stripe price ids").ProducesValidationProblem();
        var memberships = app.MapTenantGroup("memberships", "Memberships");
        memberships.MapGet("/", List).WithSummary("All paid memberships, newest first, with status and period end").ProducesValidationProblem();
        var members = app.MapTenantGroup("members", "Memberships");
        members.MapGet("/{externalId}/memberships", OfMember).WithSummary("A member's paid memberships with status and period end");
        members.MapPost("/{externalId}/memberships/checkout", Checkout).WithSummary("Start a Stripe Checkout (subscription) for a paid tier; answers its URL").ProducesValidationProblem();
        members.MapPost("/{externalId}/memberships/portal", Portal).WithSummary("Open Stripe's billing portal for the member; answers its URL").ProducesValidationProblem();
        var events = app.MapTenantGroup("stripe-events", "Memberships");
        events.MapGet("/", Events).WithSummary("The Stripe webhook log: received, processed or failed, with the error").ProducesValidationProblem();
        events.MapGet("/{eventId}", Event).WithSummary("One Stripe webhook event with its raw body");
        events.MapPost("/{eventId}/replay", Replay).WithSummary("Process a failed (dead-lettered) Stripe event again");
        return app.MapStripeSettingsEndpoints().MapStripeWebhookEndpoints();
    }

    private static async Task<Ok<Page<PaidTierView>>> ListPaidTiers(PaidTierService paid, CancellationToken ct) =>
        TypedResults.Ok(new Page<PaidTierView>(await paid.ListAsync(ct), false, null));

    private static async Task<Results<Ok<PaidTierView>, NotFoundProblem, ConflictProblem, ValidationProblem>> PutPaidTier(
        string code, PutPaidTier body, PaidTierService paid, CancellationToken ct) => (await paid.PutAsync(code, body, ct)).ToOk();

    private static async Task<Ok<Page<MembershipView>>> List([AsParameters] PageParameters query, MembershipQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(query.ToPageRequest(), ct));

    private static async Task<Results<Ok<Page<MembershipView>>, NotFoundProblem>> OfMember([ExternalId] string externalId, MembershipQueries queries, CancellationToken ct) =>
        await queries.OfMemberAsync(externalId, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(new Page<MembershipView>(r.Value!, false, null)),
            var r => r.NotFound(),
        };

    private static async Task<Results<Created<CheckoutView>, Ok<CheckoutView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Checkout(
        [ExternalId] string externalId, StartCheckout body, MembershipCheckout checkout, CancellationToken ct) =>
        (await checkout.CheckoutAsync(externalId, body, ct)).ToHttp();

    private static async Task<Results<Created<PortalView>, Ok<PortalView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Portal(
        [ExternalId] string externalId, StartPortal body, MembershipCheckout checkout, CancellationToken ct) =>
        (await checkout.PortalAsync(externalId, body, ct)).ToHttp();

    private static async Task<Ok<Page<WebhookEventView>>> Events([AsParameters] PageParameters query, MembershipQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.EventsAsync(query.ToPageRequest(), ct));

    private static async Task<Results<Ok<WebhookEventDetail>, NotFoundProblem>> Event(string eventId, MembershipQueries queries, CancellationToken ct) =>
        await queries.EventAsync(eventId, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };

    private static async Task<Results<Ok<WebhookEventView>, NotFoundProblem, ConflictProblem, ValidationProblem>> Replay(
        string eventId, MembershipQueries queries, CancellationToken ct) => (await queries.ReplayAsync(eventId, ct)).ToOk();
}
