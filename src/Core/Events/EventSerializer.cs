using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// Reads and writes outbox payloads. The polymorphic list of <see cref="DomainEvent"/> types is built from the
/// registered <see cref="DomainEventType"/>s, so an unregistered type fails loudly at publish, not at delivery.
/// </summary>
public sealed class EventSerializer
{
    private readonly JsonSerializerOptions _options;
    private readonly Dictionary<Type, string> _names;

    public EventSerializer(IEnumerable<DomainEventType> types)
    {
        var registered = types.Distinct().ToList();
        if (registered.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1) is { } sameName)
        {
            throw new InvalidOperationException($"The event type name '{sameName.Key}' is registered for {string.Join(" and ", sameName.Select(t => t.ClrType.Name))}.");
        }
        if (registered.GroupBy(t => t.ClrType).FirstOrDefault(g => g.Count() > 1) is { } twoNames)
        {
            throw new InvalidOperationException($"The event type {twoNames.Key.Name} is registered as {string.Join(" and ", twoNames.Select(t => t.Name))}.");
        }
        _names = registered.ToDictionary(t => t.ClrType, t => t.Name);
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Type != typeof(DomainEvent)) return;
            info.PolymorphismOptions = new JsonPolymorphismOptions
            {
                TypeDiscriminatorPropertyName = "$type",
                UnknownDerivedTypeHandling = System.Text.Json.Serialization.JsonUnknownDerivedTypeHandling.FailSerialization,
            };
            foreach (var type in registered) info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type.ClrType, type.Name));
        });
        _options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = resolver };
    }

    /// <summary>The stored name of an event's type; throws when its feature did not register it.</summary>
    public string NameOf(DomainEvent domainEvent) =>
        _names.TryGetValue(domainEvent.GetType(), out var name)
            ? name
            : throw new InvalidOperationException(
                $"The event type {domainEvent.GetType().Name} is not registered: call services.AddDomainEventType<{domainEvent.GetType().Name}>(name) in its feature's setup.");

    public string Serialize(DomainEvent domainEvent) => JsonSerializer.Serialize(domainEvent, _options);

    public DomainEvent Deserialize(string payload) =>
        JsonSerializer.Deserialize<DomainEvent>(payload, _options)
        ?? throw new InvalidOperationException("An outbox message held an empty event.");
}
