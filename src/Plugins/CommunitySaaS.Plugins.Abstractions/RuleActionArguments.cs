using System.Globalization;

namespace CommunitySaaS.Plugins;

/// <summary>The evaluated <c>Context</c> entries of a rule's action, by name.</summary>
public sealed class RuleActionArguments(IReadOnlyDictionary<string, object?> values)
{
    /// <summary>The raw evaluated values.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; } = values;

    /// <summary>The named argument as a decimal.</summary>
    /// <exception cref="KeyNotFoundException">The rule did not pass the argument.</exception>
    public decimal GetDecimal(string name) => Convert.ToDecimal(Get(name), CultureInfo.InvariantCulture);

    /// <summary>The named argument as an integer.</summary>
    /// <exception cref="KeyNotFoundException">The rule did not pass the argument.</exception>
    public int GetInt32(string name) => Convert.ToInt32(Get(name), CultureInfo.InvariantCulture);

    /// <summary>The named argument as a string, or null when its value is null.</summary>
    /// <exception cref="KeyNotFoundException">The rule did not pass the argument.</exception>
    public string? GetString(string name) => Convert.ToString(Get(name), CultureInfo.InvariantCulture);

    private object? Get(string name) =>
        Values.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"The rule's action context has no argument '{name}'.");
}
