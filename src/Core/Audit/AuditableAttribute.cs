namespace CommunitySaaS.Core.Audit;

/// <summary>
/// Puts an entity type in the audit log: every insert, update and delete of it saved through
/// <see cref="Persistence.AppDbContext"/> writes one <see cref="AuditEvent"/> in the same transaction, named
/// <c>{Name}.created</c> / <c>.updated</c> / <c>.deleted</c> unless an action below (or <see cref="AuditNames"/>) names it.
/// A new feature's entity joins the log with this one line.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditableAttribute(string name) : Attribute
{
    /// <summary>The target type in the log, snake_case (<c>api_key</c>).</summary>
    public string Name { get; } = name;

    public string? Created { get; init; }

    public string? Updated { get; init; }

    public string? Deleted { get; init; }

    /// <summary>Properties never written to the log, for inherited ones an attribute cannot mark (Identity's hashes).</summary>
    public string[] Secrets { get; init; } = [];

    /// <summary>Bookkeeping properties whose change alone is no admin action (a last-updated time, a failed sign-in count).</summary>
    public string[] Ignore { get; init; } = [];
}

/// <summary>A value that must never reach the audit log (a key hash, a webhook secret, an encrypted Stripe key).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditSecretAttribute : Attribute;

/// <summary>A bookkeeping value: left out of the log, and a save that changes only such values writes no event.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditIgnoreAttribute : Attribute;
