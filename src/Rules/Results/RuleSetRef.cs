namespace CommunitySaaS.Rules;

/// <summary>Identifies one version of one tenant's rule set; the compile cache's key.</summary>
/// <param name="TenantId">The tenant that owns the rule set.</param>
/// <param name="Kind">The rule set's kind.</param>
/// <param name="Version">The version number.</param>
public sealed record RuleSetRef(Guid TenantId, RuleSetKind Kind, int Version);
