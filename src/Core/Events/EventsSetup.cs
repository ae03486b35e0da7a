using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Events;

public static class EventsSetup
{
    public static IServiceCollection AddDomainEvents(this IServiceCollection services, bool runProcessor)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<IEventPublisher, OutboxEventPublisher>();
        if (runProcessor) services.AddHostedService<OutboxProcessor>();
        return services;
    }
}
