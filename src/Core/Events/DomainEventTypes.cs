using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Events;

/// <summary>One concrete event type and the stable name stored with its payload (the JSON discriminator).</summary>
public sealed record DomainEventType(Type ClrType, string Name);

public static class DomainEventTypes
{
    /// <summary>
    /// Makes <typeparamref name="TEvent"/> storable in the outbox under <paramref name="name"/>. Each feature calls
    /// this from its own setup; the name is stored with every event, so it must never change once published.
    /// </summary>
    public static IServiceCollection AddDomainEventType<TEvent>(this IServiceCollection services, string name)
        where TEvent : DomainEvent
    {
        var type = new DomainEventType(typeof(TEvent), name);
        if (!services.Any(d => d.ServiceType == typeof(DomainEventType) && Equals(d.ImplementationInstance, type)))
        {
            services.AddSingleton(type);
        }
        return services;
    }
}
