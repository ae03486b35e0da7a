using CommunitySaaS.Plugins;

namespace CommunitySaaS.Rules.Compilation;

/// <summary>Computes a matched rule's output.</summary>
internal abstract class RuleOutput
{
    public abstract bool CountsSteps { get; }

    public abstract decimal Compute(RuleInputs inputs);
}

/// <summary>RulesEngine's standard <c>OutputExpression</c>, compiled like the condition and evaluated by us.</summary>
internal sealed class ExpressionOutput(CompiledExpression<decimal> expression) : RuleOutput
{
    public override bool CountsSteps => expression.CountsSteps;

    public override decimal Compute(RuleInputs inputs) => expression.Invoke(inputs);
}

/// <summary>A plugin action, given its <c>Context</c> entries evaluated against the inputs.</summary>
internal sealed class ActionOutput(IRuleAction action, IReadOnlyList<(string Name, CompiledExpression<object?> Value)> arguments) : RuleOutput
{
    public override bool CountsSteps => arguments.Any(argument => argument.Value.CountsSteps);

    public override decimal Compute(RuleInputs inputs)
    {
        var values = new Dictionary<string, object?>(arguments.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in arguments)
        {
            values[name] = value.Invoke(inputs);
        }

        return action.Execute(new RuleActionArguments(values));
    }
}
