namespace CommunitySaaS.Api.Tenancy;

/// <summary>
/// The tenant from the host name against a template such as <c>{tenant}.example.com</c>: only the
/// first label may vary, so <c>shop.example.com</c> matches and <c>example.com</c> does not.
/// </summary>
public sealed class HostTenantStrategy(string template) : ITenantResolutionStrategy
{
    private readonly string _suffix = template.StartsWith("{tenant}.", StringComparison.Ordinal)
        ? template["{tenant}".Length..]
        : throw new ArgumentException("A host template must look like '{tenant}.example.com'.", nameof(template));

    public string? GetIdentifier(HttpContext context)
    {
        var host = context.Request.Host.Host;
        if (!host.EndsWith(_suffix, StringComparison.OrdinalIgnoreCase)) return null;
        var label = host[..^_suffix.Length];
        return label.Length > 0 && !label.Contains('.', StringComparison.Ordinal) ? label.ToLowerInvariant() : null;
    }
}
