using CommunitySaaS.Rules.Definitions;

namespace CommunitySaaS.Rules.Compilation;

/// <summary>One rule ready to evaluate: its properties, compiled condition and compiled output.</summary>
internal sealed class CompiledRule(string name, RuleProperties properties, CompiledExpression<bool> condition, RuleOutput? output)
{
    public string Name { get; } = name;

    public RuleProperties Properties { get; } = properties;

    public int Priority => Properties.Priority;

    public RuleOutput? Output { get; } = output;

    /// <summary>True when the condition or output loops, so the iteration budget must be reset before it runs.</summary>
    public bool HasLambdas { get; } = condition.HasLambdas || output?.HasLambdas == true;

    public bool Matches(RuleInputs inputs) => condition.Invoke(inputs);
}
