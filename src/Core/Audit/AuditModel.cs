using System.Collections.Concurrent;
using System.Reflection;

namespace CommunitySaaS.Core.Audit;

/// <summary>What the log knows of an auditable entity type: its name, its action names, the properties it leaves out.</summary>
internal sealed class AuditModel
{
    /// <summary>
    /// A property named like a secret is never logged even when nobody marked it, so a new secret column cannot leak
    /// because its author forgot <see cref="AuditSecretAttribute"/>.
    /// </summary>
    private static readonly string[] SecretWords = ["hash", "secret", "password", "token", "stamp", "cipher", "encrypted", "privatekey"];

    private static readonly ConcurrentDictionary<Type, AuditModel?> Cache = new();

    private readonly HashSet<string> _secrets;
    private readonly HashSet<string> _ignored;
    private readonly AuditableAttribute _attribute;

    private AuditModel(Type type, AuditableAttribute attribute)
    {
        _attribute = attribute;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        _secrets = properties.Where(p => p.IsDefined(typeof(AuditSecretAttribute)) || LooksSecret(p.Name)).Select(p => p.Name)
            .Concat(attribute.Secrets).ToHashSet(StringComparer.Ordinal);
        _ignored = properties.Where(p => p.IsDefined(typeof(AuditIgnoreAttribute))).Select(p => p.Name)
            .Concat(attribute.Ignore).ToHashSet(StringComparer.Ordinal);
    }

    public string Name => _attribute.Name;

    public static AuditModel? For(Type type) =>
        Cache.GetOrAdd(type, t => t.GetCustomAttribute<AuditableAttribute>(inherit: false) is { } a ? new AuditModel(t, a) : null);

    public static bool LooksSecret(string property) =>
        SecretWords.Any(w => property.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Left out of the summary: secrets, bookkeeping, and what the event says anyway (its tenant).</summary>
    public bool Logs(string property) => !_secrets.Contains(property) && !_ignored.Contains(property) && property != "TenantId";

    /// <summary>Bookkeeping values are left out but a secret's change (a rotated key) is still an action.</summary>
    public bool Counts(string property) => !_ignored.Contains(property) && property != "TenantId";

    public string Created => _attribute.Created ?? $"{Name}.created";

    public string Updated => _attribute.Updated ?? $"{Name}.updated";

    public string Deleted => _attribute.Deleted ?? $"{Name}.deleted";
}
