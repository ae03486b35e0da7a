namespace CommunitySaaS.Rules.Definitions;

/// <summary>A rule as read from the workflow JSON, with the JSON path of each part for error messages.</summary>
internal sealed record RuleDefinition(
    string Name,
    string Path,
    bool Enabled,
    string Expression,
    RuleProperties Properties,
    OutputDefinition? Output);

/// <summary>The rule's <c>Properties</c>, typed; which ones apply depends on the rule set's kind.</summary>
internal sealed record RuleProperties(
    string? Event = null,
    int Priority = 0,
    bool Exclusive = false,
    bool Multiplier = false,
    string? Tier = null,
    int Level = 0,
    decimal? Cap = null,
    CommissionBasis Basis = CommissionBasis.Rate,
    RuleLimit? Limit = null,
    int DelayDays = 0);

/// <summary>How a rule states its output: an <c>OutputExpression</c> or a plugin action with arguments.</summary>
internal sealed record OutputDefinition(string? Expression, string? ActionName, IReadOnlyList<ActionArgument> Arguments, string Path);

/// <summary>One <c>Context</c> entry of a plugin action: its name and the expression giving its value.</summary>
internal sealed record ActionArgument(string Name, string Expression, string Path);

/// <summary>A whole workflow as read from JSON.</summary>
internal sealed record WorkflowDefinition(string Name, IReadOnlyList<RuleDefinition> Rules);
