namespace CommunitySaaS.Rules;

/// <summary>
/// The rule sets a new tenant (and the demo brand) starts with:
/// points, 1 point per currency unit paid plus 10 per check-in, 20 per review, 50 per referral and 1 per sign-in;
/// tiers, Silver from 500, Gold from 2,000 and Black from 10,000 spent in 12 months;
/// commission, 10% of the order for the bound KOS (level 1) and 3% for its upline (level 2).
/// </summary>
public static class RuleSetTemplates
{
    /// <summary>The default workflow JSON for <paramref name="kind"/>.</summary>
    public static string Default(RuleSetKind kind)
    {
        var name = $"CommunitySaaS.Rules.Templates.{kind.ToString().ToLowerInvariant()}.json";
        using var stream = typeof(RuleSetTemplates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The template resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
