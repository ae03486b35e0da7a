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
        services.AddNoTierYet();
        return services;
    }
}
