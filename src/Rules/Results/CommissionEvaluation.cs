namespace CommunitySaaS.Rules;

/// <summary>The commission an order earns per KOS level under one rule set version.</summary>
/// <param name="RuleSet">The rule set version evaluated.</param>
/// <param name="Levels">One entry per level that earns (a level without a KOS or a matching rule is absent).</param>
/// <param name="Failures">Rules that could not be evaluated.</param>
public sealed record CommissionEvaluation(
    RuleSetRef RuleSet,
    IReadOnlyList<CommissionLevelResult> Levels,
    IReadOnlyList<RuleFailure> Failures)
{
    /// <summary>The level's result, or null when that level earns nothing.</summary>
    public CommissionLevelResult? Level(int level)
    {
        foreach (var result in Levels)
        {
            if (result.Level == level)
            {
                return result;
            }
        }

        return null;
    }
}

/// <summary>What one level earns and why.</summary>
/// <param name="Level">1 for the bound KOS, 2 for its upline.</param>
/// <param name="RuleName">The highest-priority matching rule for the level.</param>
/// <param name="Basis">Whether <paramref name="Value"/> is a rate or a fixed amount.</param>
/// <param name="Value">The rate (0.10 = 10%) or the fixed amount the rule gave.</param>
/// <param name="Amount">The commission, rounded to 4 decimals, after the cap.</param>
/// <param name="Capped">True when the rule's <c>cap</c> lowered the amount.</param>
public sealed record CommissionLevelResult(
    int Level,
    string RuleName,
    CommissionBasis Basis,
    decimal Value,
    decimal Amount,
    bool Capped);

/// <summary>How a commission rule's output is applied.</summary>
public enum CommissionBasis
{
    /// <summary>The output is a rate of the order total.</summary>
    Rate,

    /// <summary>The output is an amount in the order's currency.</summary>
    Fixed,
}
