using CommunitySaaS.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunitySaaS.Core.Stripe;

public static class StripeSetup
{
    /// <summary>
    /// Per-brand Stripe keys and clients. Data Protection keeps its key ring in the database (every node reads the same
    /// ring, so a key stored by one node is read by any other), under one application name.
    /// </summary>
    public static IServiceCollection AddStripeFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(configuration.GetSection(StripeOptions.Section).Get<StripeOptions>() ?? new StripeOptions());
        services.AddDataProtection().SetApplicationName("CommunitySaaS").PersistKeysToDbContext<AppDbContext>();
        services.AddSingleton<StripeHttp>();
        services.AddSingleton<StripeSecrets>();
        services.AddScoped<StripeClients>();
        services.AddScoped<StripeSettingsService>();
        return services;
    }
}
