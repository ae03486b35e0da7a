using System.Runtime.CompilerServices;
using System.Text.Json;
using CommunitySaaS.Core.Persistence;

namespace CommunitySaaS.Core.Audit;

/// <summary>
/// Named actions. <see cref="Name"/> calls the next save of an auditable entity something more precise than
/// "updated" (<c>api_key.revoked</c>); <see cref="Record"/> logs an action that is not one tracked entity write (a
/// publish done with conditional updates): the event is saved by the context's next SaveChanges, in its transaction,
/// with the actor, time, request and address filled in there.
/// </summary>
public static class AuditNames
{
    private static readonly ConditionalWeakTable<object, string> Names = new();

    public static void Name(object entity, string action) => Names.AddOrUpdate(entity, action);

    internal static string? Take(object entity) => Names.TryGetValue(entity, out var action) && Names.Remove(entity) ? action : null;

    public static void Record(this AppDbContext db, string action, string targetType, string targetId, object? details = null) =>
        db.Set<AuditEvent>().Add(new AuditEvent
        {
            Action = action, TargetType = targetType, TargetId = targetId,
            Changes = details is null ? null : JsonSerializer.Serialize(details, AuditChanges.Json),
        });
}
