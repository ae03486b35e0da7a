using CommunitySaaS.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunitySaaS.Core.Points;

public static class PointsSetup
{
    public static IServiceCollection AddPointsFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<PointsLedger>();
        services.AddScoped<IPointsLedger>(sp => sp.GetRequiredService<PointsLedger>());
        services.AddScoped<LoyaltyPolicies>();
        services.AddScoped<PointsQueries>();
        services.AddScoped<PointsFigures>();
        services.AddScoped<PointsAdjustments>();
        services.AddScoped<PointsActivities>();
        services.AddScoped<PointsRelease>();
        services.AddScoped<PointsExpiry>();
        services.AddScoped<PointsExpiryNotifications>();
        services.AddScoped<IDomainEventHandler<OrderPaid>, EarnOnOrderPaid>();
        services.AddScoped<IDomainEventHandler<OrderRefunded>, ReverseOnOrderRefunded>();
        services.AddDomainEventType<PointsEarned>(PointsEarned.TypeName);
        services.AddDomainEventType<PointsAdjusted>(PointsAdjusted.TypeName);
        services.AddDomainEventType<PointsReversed>(PointsReversed.TypeName);
        services.AddDomainEventType<PointsExpired>(PointsExpired.TypeName);
        services.AddDomainEventType<PointsExpiringSoon>(PointsExpiringSoon.TypeName);
        return services;
    }
}
