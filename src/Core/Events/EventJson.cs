using System.Text.Json;

namespace CommunitySaaS.Core.Events;

internal static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static DomainEvent Deserialize(string payload) =>
        JsonSerializer.Deserialize<DomainEvent>(payload, Options)
        ?? throw new InvalidOperationException("An outbox message held an empty event.");
}
