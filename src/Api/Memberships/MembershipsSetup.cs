using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Core.Memberships;
using CommunitySaaS.Core.Stripe;

namespace CommunitySaaS.Api.Memberships;

public static class MembershipsSetup
{
    /// <summary>Per-brand Stripe settings, paid tiers, the Stripe webhook and the job that ends lapsed paid tiers.</summary>
    public static WebApplicationBuilder AddMemberships(this WebApplicationBuilder builder)
    {
        builder.Services.AddStripeFeature(builder.Configuration);
        builder.Services.AddMembershipsFeature();
        builder.Services.AddScoped<IRecurringJob, MembershipExpiryJob>();
        return builder;
    }
}
