namespace CommunitySaaS.Rules;

/// <summary>Settings for <see cref="RulesServiceCollectionExtensions.AddRules"/>.</summary>
public sealed class RulesOptions
{
    /// <summary>How many compiled rule set versions the cache keeps before evicting the least recently used.</summary>
    public int CacheCapacity { get; set; } = 2_000;

    /// <summary>The folder external plugins load from; a relative path is taken from the application's base directory.</summary>
    public string PluginFolder { get; set; } = "plugins";

    /// <summary>
    /// The assembly names (without <c>.dll</c>) allowed to load from <see cref="PluginFolder"/>. Any other
    /// file there is reported and skipped.
    /// </summary>
    public ISet<string> AllowedPluginAssemblies { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The events points rules may name in their <c>event</c> property.</summary>
    public ISet<string> PointsEvents { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "order.paid", "checkin", "review", "referral", "signin", "event", "membership.paid",
    };

    /// <summary>Events named <c>custom.something</c> are the brand's own activity types.</summary>
    public const string CustomEventPrefix = "custom.";

    /// <summary>Whether points rules may name <paramref name="eventName"/>: a known event or a custom activity.</summary>
    public bool IsPointsEvent(string eventName) =>
        PointsEvents.Contains(eventName)
        || (eventName.StartsWith(CustomEventPrefix, StringComparison.OrdinalIgnoreCase) && eventName.Length > CustomEventPrefix.Length);

    /// <summary>Size, complexity and evaluation budgets that keep one tenant's rules from hurting the host.</summary>
    public RuleLimits Limits { get; set; } = new();
}
