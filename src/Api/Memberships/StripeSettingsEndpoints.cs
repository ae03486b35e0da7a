using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Memberships;
using CommunitySaaS.Core.Stripe;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Memberships;

public static class StripeSettingsEndpoints
{
    internal static IEndpointRouteBuilder MapStripeSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var stripe = app.MapTenantGroup("settings/stripe", "Memberships");
        stripe.MapGet("/", Get).WithSummary("The brand's Stripe keys, shown by their last four characters only");
        stripe.MapPut("/", Put).WithSummary("Set the brand's Stripe secret key, webhook signing secret and publishable key (stored encrypted)").ProducesValidationProblem();
        stripe.MapPost("/check", Check).WithSummary("Ask Stripe whether the stored secret key works");
        var memberships = app.MapTenantGroup("settings/memberships", "Memberships");
        memberships.MapGet("/", GetPolicy).WithSummary("The brand's membership policy: grace days after a failed renewal, revoke on refund");
        memberships.MapPut("/", PutPolicy).WithSummary("Change the brand's membership policy").ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<StripeSettingsView>> Get(StripeSettingsService settings, CancellationToken ct) => TypedResults.Ok(await settings.GetAsync(ct));

    private static async Task<Results<Ok<StripeSettingsView>, ValidationProblem>> Put(PutStripeSettings body, StripeSettingsService settings, CancellationToken ct) =>
        await settings.PutAsync(body, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.Invalid(),
        };

    private static async Task<Results<Ok<StripeCheckResult>, NotFoundProblem>> Check(StripeSettingsService settings, CancellationToken ct) =>
        await settings.CheckAsync(ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };

    private static async Task<Ok<MembershipSettingsView>> GetPolicy(PaidTierService paid, CancellationToken ct) => TypedResults.Ok(await paid.GetSettingsAsync(ct));

    private static async Task<Ok<MembershipSettingsView>> PutPolicy(PutMembershipSettings body, PaidTierService paid, CancellationToken ct) =>
        TypedResults.Ok(await paid.PutSettingsAsync(body, ct));
}
