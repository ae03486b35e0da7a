using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunitySaaS.Core.Nightly;

public static class NightlySetup
{
    /// <summary>The loyalty night per brand; needs the points and tiers features.</summary>
    public static IServiceCollection AddNightlyFeature(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddSingleton(configuration?.GetSection(NightlyOptions.Section).Get<NightlyOptions>() ?? new NightlyOptions());
        services.TryAddScoped<ILoyaltyNightSteps, LoyaltyNightSteps>();
        return services.AddScoped<LoyaltyNight>();
    }
}
