using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// The handlers registered for one event type, each known by a stable name (its type's name) that keys its
/// inbox rows, and invoked one at a time in the scope the dispatcher opens for it, in the order of <see cref="Names"/>.
/// </summary>
internal abstract class EventHandlers
{
    private IReadOnlyList<string>? _names;

    public static EventHandlers Create(Type eventType) => (EventHandlers)Activator.CreateInstance(typeof(EventHandlers<>).MakeGenericType(eventType))!;

    /// <summary>Handler registrations do not change once a service provider is built, so the names are read once per provider.</summary>
    public IReadOnlyList<string>? KnownNames => _names;

    /// <summary>In registration order, forwarding handlers first (a stable sort keeps the rest as registered).</summary>
    public IReadOnlyList<string> Names(IServiceProvider services) =>
        _names ??= Resolve(services).OrderBy(h => h is IForwardingEventHandler ? 0 : 1).Select(h => NameOf(h.GetType())).Distinct().ToList();

    public object Find(IServiceProvider services, string name) => Resolve(services).First(h => NameOf(h.GetType()) == name);

    public Task InvokeAsync(object handler, DomainEvent domainEvent, CancellationToken ct) => Invoke(handler, domainEvent, ct);

    protected abstract IEnumerable<object> Resolve(IServiceProvider services);

    protected abstract Task Invoke(object handler, DomainEvent domainEvent, CancellationToken ct);

    /// <summary>Namespace-qualified, with generic arguments by short name; the tail is kept when too long, as it tells most.</summary>
    public static string NameOf(Type type)
    {
        var name = type.IsGenericType
            ? $"{type.GetGenericTypeDefinition().FullName![..type.GetGenericTypeDefinition().FullName!.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", type.GetGenericArguments().Select(a => a.Name))}>"
            : type.FullName ?? type.Name;
        return name.Length <= OutboxLimits.MaxHandlerNameLength ? name : name[^OutboxLimits.MaxHandlerNameLength..];
    }
}

internal sealed class EventHandlers<TEvent> : EventHandlers where TEvent : DomainEvent
{
    protected override IEnumerable<object> Resolve(IServiceProvider services) => services.GetServices<IDomainEventHandler<TEvent>>();

    protected override Task Invoke(object handler, DomainEvent domainEvent, CancellationToken ct) =>
        ((IDomainEventHandler<TEvent>)handler).HandleAsync((TEvent)domainEvent, ct);
}
