using System.ComponentModel.DataAnnotations;

namespace CommunitySaaS.Core.ApiKeys;

public sealed record CreateApiKey(
    [property: Required, MinLength(1), MaxLength(100)] string Name,
    [property: Required] ApiKeyKind? Kind);

public sealed record ApiKeyView(string Id, string Name, ApiKeyKind Kind, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The only time the key itself is ever returned.</summary>
public sealed record CreatedApiKey(ApiKeyView ApiKey, string Secret);

/// <summary>Who a presented key belongs to, as the authentication handler needs it.</summary>
public sealed record ApiKeyIdentity(string KeyId, string TenantId, string TenantSlug, ApiKeyKind Kind, string Name = "");
