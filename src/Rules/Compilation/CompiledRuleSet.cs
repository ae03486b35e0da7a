using System.Collections.Frozen;

namespace CommunitySaaS.Rules.Compilation;

/// <summary>
/// A compiled rule set version: its enabled rules grouped the way its kind evaluates them, each group
/// sorted by priority (highest first, declaration order among equals). Immutable, so one instance is
/// shared by every thread.
/// </summary>
internal sealed class CompiledRuleSet
{
    public CompiledRuleSet(RuleSetKind kind, IReadOnlyList<CompiledRule> rules, IReadOnlyCollection<string> plugins)
    {
        Kind = kind;
        Plugins = plugins.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        var ordered = rules.OrderByDescending(rule => rule.Priority).ToArray();
        PointsByEvent = ordered
            .Where(rule => rule.Properties.Event is not null)
            .GroupBy(rule => rule.Properties.Event!, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(
                group => group.Key,
                group => new PointsRules([.. group.Where(rule => !rule.Properties.Multiplier)], [.. group.Where(rule => rule.Properties.Multiplier)]),
                StringComparer.OrdinalIgnoreCase);
        Level1 = [.. ordered.Where(rule => rule.Properties.Level == 1)];
        Level2 = [.. ordered.Where(rule => rule.Properties.Level == 2)];
        Tiers = kind == RuleSetKind.Tiers ? ordered : [];
    }

    public RuleSetKind Kind { get; }

    /// <summary>The plugins it was compiled with; a different set means recompiling.</summary>
    public FrozenSet<string> Plugins { get; }

    public FrozenDictionary<string, PointsRules> PointsByEvent { get; }

    public CompiledRule[] Level1 { get; }

    public CompiledRule[] Level2 { get; }

    public CompiledRule[] Tiers { get; }

    public bool CompiledWith(IReadOnlyCollection<string> plugins)
    {
        if (plugins.Count != Plugins.Count)
        {
            return false;
        }

        if (plugins is IReadOnlyList<string> list)
        {
            // Indexing avoids the boxed enumerator a foreach over the interface would allocate on the hot path.
            for (var i = 0; i < list.Count; i++)
            {
                if (!Plugins.Contains(list[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return plugins.All(Plugins.Contains);
    }
}

/// <summary>The points rules of one event: additive rules, then multipliers.</summary>
internal sealed record PointsRules(CompiledRule[] Additive, CompiledRule[] Multipliers);
