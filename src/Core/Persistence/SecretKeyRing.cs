using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Persistence;

public static class SecretKeyRing
{
    /// <summary>
    /// The one Data Protection key ring for secrets at rest (Stripe keys, webhook signing secrets), kept in the database
    /// under one application name, so every node reads what any node protected. Each feature protects under its own
    /// purpose string. Safe to call from several features: the second call configures the same thing again.
    /// </summary>
    public static IServiceCollection AddSecretKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("CommunitySaaS").PersistKeysToDbContext<AppDbContext>();
        return services;
    }
}
