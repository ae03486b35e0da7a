using CommunitySaaS.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunitySaaS.Core.Stripe;

public static class StripeSetup
{
    /// <summary>Per-brand Stripe keys (protected with the shared <see cref="SecretKeyRing"/>) and clients.</summary>
    public static IServiceCollection AddStripeFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(configuration.GetSection(StripeOptions.Section).Get<StripeOptions>() ?? new StripeOptions());
        services.AddSecretKeyRing();
        services.AddSingleton<StripeHttp>();
        services.AddSingleton<StripeSecrets>();
        services.AddScoped<StripeClients>();
        services.AddScoped<StripeSettingsService>();
        return services;
    }
}
