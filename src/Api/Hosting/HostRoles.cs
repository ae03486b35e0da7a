namespace CommunitySaaS.Api.Hosting;

/// <summary>
/// Which parts of the one binary run on this node (<c>Roles</c>: any of Api, Admin, Jobs; all by default),
/// so the same build scales out as API nodes, console nodes and job workers.
/// </summary>
public sealed record HostRoles(bool Api, bool Admin, bool Jobs)
{
    public static HostRoles From(IConfiguration configuration)
    {
        var value = configuration["Roles"];
        if (string.IsNullOrWhiteSpace(value)) return new HostRoles(true, true, true);
        var roles = value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = roles.Except(["Api", "Admin", "Jobs"], StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0) throw new InvalidOperationException($"Unknown role(s) in Roles: {string.Join(", ", unknown)}. Use Api, Admin, Jobs.");
        return new HostRoles(roles.Contains("Api"), roles.Contains("Admin"), roles.Contains("Jobs"));
    }

    public override string ToString() =>
        string.Join(",", new[] { Api ? "Api" : null, Admin ? "Admin" : null, Jobs ? "Jobs" : null }.OfType<string>());
}
