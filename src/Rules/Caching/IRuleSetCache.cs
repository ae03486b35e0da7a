namespace CommunitySaaS.Rules;

/// <summary>
/// Compiled rule sets by (tenant, kind, version), bounded by <see cref="RulesOptions.CacheCapacity"/>: the
/// least recently used version is evicted first and compiled again only if it is evaluated again.
/// </summary>
public interface IRuleSetCache
{
    /// <summary>How many versions are compiled and held.</summary>
    int Count { get; }

    /// <summary>The most versions held at once.</summary>
    int Capacity { get; }

    /// <summary>How many times a rule set was compiled since start (each miss, warm or plugin change).</summary>
    long Compilations { get; }

    /// <summary>How many versions were evicted to stay within <see cref="Capacity"/>.</summary>
    long Evictions { get; }

    /// <summary>Compiles and caches a version, e.g. when it is published, so that its first evaluation is fast.</summary>
    /// <exception cref="RuleSetInvalidException">The rule set does not pass validation.</exception>
    void Warm(RuleSetRef ruleSet, string workflowJson, IReadOnlyCollection<string> enabledPlugins);

    /// <summary>True when the version is compiled and held.</summary>
    bool Contains(RuleSetRef ruleSet);
}
