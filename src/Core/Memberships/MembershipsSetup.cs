using CommunitySaaS.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunitySaaS.Core.Memberships;

public static class MembershipsSetup
{
    /// <summary>Paid tiers through Stripe: checkout, the webhook inbox, the subscription sync and its effects on tiers and points.</summary>
    public static IServiceCollection AddMembershipsFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddDomainEventType<StripeEventReceived>(StripeEventReceived.TypeName);
        services.AddDomainEventType<MembershipPaid>(MembershipPaid.TypeName);
        services.AddDomainEventType<MembershipActivated>(MembershipActivated.TypeName);
        services.AddDomainEventType<MembershipPastDue>(MembershipPastDue.TypeName);
        services.AddDomainEventType<MembershipCanceled>(MembershipCanceled.TypeName);
        services.AddScoped<PaidTierService>();
        services.AddScoped<MembershipCheckout>();
        services.AddScoped<MembershipQueries>();
        services.AddScoped<StripeWebhookInbox>();
        services.AddScoped<MembershipSync>();
        services.AddScoped<PaidGrants>();
        services.AddScoped<MembershipExpiry>();
        services.AddScoped<IDomainEventHandler<StripeEventReceived>, StripeEventProcessor>();
        services.AddScoped<IDomainEventHandler<MembershipPaid>, MembershipPaidPoints>();
        return services;
    }
}
