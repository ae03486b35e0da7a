using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CommunitySaaS.Core.Audit;

/// <summary>The before/after summary of one entity write: only logged properties, long values cut short.</summary>
internal static class AuditChanges
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The summary, or null when the write changed nothing that counts (only bookkeeping values).</summary>
    public static JsonObject? Of(EntityEntry entry, AuditModel model)
    {
        var summary = new JsonObject();
        var counted = false;
        foreach (var property in entry.Properties)
        {
            var meta = property.Metadata;
            if (meta.IsShadowProperty() || meta.IsPrimaryKey()) continue;
            var changed = entry.State switch
            {
                EntityState.Modified => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue),
                EntityState.Added => property.CurrentValue is not null,
                _ => property.OriginalValue is not null,
            };
            if (!changed) continue;
            counted |= model.Counts(meta.Name);
            if (!model.Logs(meta.Name)) continue;
            var change = new JsonObject();
            if (entry.State != EntityState.Added) change["before"] = Value(property.OriginalValue);
            if (entry.State != EntityState.Deleted) change["after"] = Value(property.CurrentValue);
            summary[JsonNamingPolicy.CamelCase.ConvertName(meta.Name)] = change;
        }
        return counted || entry.State != EntityState.Modified ? summary : null;
    }

    private static JsonNode? Value(object? value)
    {
        var node = JsonSerializer.SerializeToNode(value, Json);
        if (node is JsonValue text && text.TryGetValue<string>(out var s) && s.Length > AuditLimits.SummaryValue)
        {
            return JsonValue.Create(s[..AuditLimits.SummaryValue] + "…");
        }
        return node;
    }
}
