using CommunitySaaS.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunitySaaS.Core.Tiers;

public static class TiersSetup
{
    /// <summary>Tier definitions, tier state and its evaluation; replaces the points feature's "no tier yet" reader.</summary>
    public static IServiceCollection AddTiersFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddDomainEventType<TierChanged>(TierChanged.TypeName);
        services.AddScoped<TierDefinitionService>();
        services.AddScoped<MemberStats>();
        services.AddScoped<TierEvaluator>();
        services.AddScoped<TierBatchEvaluation>();
        services.AddScoped<NextTierProbe>();
        services.AddScoped<MemberTierReader>();
        // Plain Add, not TryAdd: it must win over the points feature's TryAdd fallback whichever setup runs first.
        services.AddScoped<IMemberTierReader>(sp => sp.GetRequiredService<MemberTierReader>());
        services.AddScoped<MemberTierQueries>();
        services.AddScoped<IDomainEventHandler<OrderPaid>, TierOrderPaidHandler>();
        return services;
    }
}
