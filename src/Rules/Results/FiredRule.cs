namespace CommunitySaaS.Rules;

/// <summary>A rule that matched and what it contributed, so that a result can be explained later.</summary>
/// <param name="RuleName">The rule's <c>RuleName</c>.</param>
/// <param name="Priority">The rule's priority.</param>
/// <param name="Kind">What <paramref name="Output"/> means.</param>
/// <param name="Output">Points added, the multiplier, the commission rate or fixed amount; 0 for a tier.</param>
/// <param name="Limit">A points rule's <c>limit</c> and <c>per</c>: how often it may earn per member; the host enforces it.</param>
/// <param name="DelayDays">A points rule's <c>delayDays</c>: how long its points stay pending; the host applies it.</param>
public sealed record FiredRule(string RuleName, int Priority, RuleOutputKind Kind, decimal Output, RuleLimit? Limit = null, int DelayDays = 0);

/// <summary>How many times a points rule may earn per member in each <paramref name="Per"/> (in the brand's time zone).</summary>
public sealed record RuleLimit(int Count, RulePeriod Per);

/// <summary>The period a points rule's limit counts in.</summary>
public enum RulePeriod
{
    /// <summary>A calendar day.</summary>
    Day,

    /// <summary>An ISO week, Monday to Sunday.</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>The member's whole life with the brand.</summary>
    Lifetime,
}

/// <summary>What a fired rule's output means.</summary>
public enum RuleOutputKind
{
    /// <summary>Points added to the event's total.</summary>
    Points,

    /// <summary>A factor applied to the event's points after all additive rules.</summary>
    Multiplier,

    /// <summary>A commission rate applied to the order total (0.10 = 10%).</summary>
    Rate,

    /// <summary>A fixed commission amount in the order's currency.</summary>
    Fixed,

    /// <summary>The tier named by the rule's <c>tier</c> property.</summary>
    Tier,
}
