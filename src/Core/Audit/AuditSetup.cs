using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunitySaaS.Core.Audit;

public static class AuditSetup
{
    /// <summary>
    /// The capture half, part of persistence itself (every <c>AppDbContext</c> from DI audits its saves): the scope's
    /// actor and the interceptor that reads it.
    /// </summary>
    public static IServiceCollection AddAuditCapture(this IServiceCollection services)
    {
        services.TryAddScoped<ICurrentActor, CurrentActor>();
        services.TryAddScoped<AuditInterceptor>();
        return services;
    }

    /// <summary>The read half: the log's list for the API and the console.</summary>
    public static IServiceCollection AddAuditFeature(this IServiceCollection services)
    {
        services.TryAddScoped<AuditLogService>();
        return services;
    }
}
