using CommunitySaaS.Rules.Definitions;

namespace CommunitySaaS.Rules.Compilation;

/// <summary>One rule ready to evaluate: its properties, compiled condition and compiled output.</summary>
internal sealed class CompiledRule(string name, string path, RuleProperties properties, CompiledExpression<bool> condition, RuleOutput? output)
{
    public string Name { get; } = name;

    /// <summary>The rule's JSON path, e.g. <c>$.Rules[2]</c>, for errors that name it.</summary>
    public string Path { get; } = path;

    public RuleProperties Properties { get; } = properties;

    public int Priority => Properties.Priority;

    public RuleOutput? Output { get; } = output;

    /// <summary>True when the condition or output counts steps, so the per-rule step budget must be reset before it runs.</summary>
    public bool CountsSteps { get; } = condition.CountsSteps || output?.CountsSteps == true;

    public bool Matches(RuleInputs inputs) => condition.Invoke(inputs);
}
