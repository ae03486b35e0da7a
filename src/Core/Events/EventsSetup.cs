using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunitySaaS.Core.Events;

public static class EventsSetup
{
    /// <summary>
    /// The outbox: publisher, dispatcher, dead letters, purge, backlog. Event types are registered by their
    /// features (<see cref="DomainEventTypes.AddDomainEventType{TEvent}"/>); options come from the <c>Outbox</c> section.
    /// </summary>
    public static IServiceCollection AddDomainEvents(this IServiceCollection services, bool runProcessor, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(configuration?.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<EventSerializer>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<IEventPublisher, OutboxEventPublisher>();
        services.AddScoped<DeadLetterService>();
        services.AddScoped<OutboxPurger>();
        services.AddScoped<OutboxBacklog>();
        if (runProcessor)
        {
            services.AddHostedService<OutboxProcessor>();
            services.AddHostedService<OutboxMonitor>();
        }
        return services;
    }
}
