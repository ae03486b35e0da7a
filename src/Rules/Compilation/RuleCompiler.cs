using CommunitySaaS.Plugins;
using CommunitySaaS.Rules.Definitions;

namespace CommunitySaaS.Rules.Compilation;

/// <summary>Compiles one rule's condition and output, checking plugin actions and their arguments.</summary>
internal sealed class RuleCompiler(
    RuleSetKind kind,
    ExpressionCompiler compiler,
    IReadOnlyDictionary<string, IRuleAction> actions,
    IReadOnlyDictionary<string, string> disabledActionPlugins)
{
    public CompiledRule? Compile(RuleDefinition rule, ErrorList errors)
    {
        var before = errors.Items.Count;
        // In level-2 commission rules 'kos' is the upline, the KOS who earns at that level.
        var kosIsUpline = kind == RuleSetKind.Commission && rule.Properties.Level == 2;
        var condition = compiler.Condition(rule.Expression, new Site(errors, $"{rule.Path}.Expression", rule.Name), kosIsUpline);
        var output = rule.Output is null ? null : CompileOutput(rule, rule.Output, errors, kosIsUpline);
        return condition is null || errors.Items.Count > before ? null : new CompiledRule(rule.Name, rule.Path, rule.Properties, condition, output);
    }

    private RuleOutput? CompileOutput(RuleDefinition rule, OutputDefinition output, ErrorList errors, bool kosIsUpline)
    {
        if (output.Expression is not null)
        {
            var expression = compiler.Number(output.Expression, new Site(errors, output.Path, rule.Name), kosIsUpline);
            return expression is null ? null : new ExpressionOutput(expression);
        }

        if (!actions.TryGetValue(output.ActionName!, out var action))
        {
            var message = disabledActionPlugins.TryGetValue(output.ActionName!, out var plugin)
                ? $"The action '{output.ActionName}' comes from the {plugin} plugin, which is not enabled for this brand."
                : $"Unknown action '{output.ActionName}'; use \"OutputExpression\" or an action of an enabled plugin"
                  + (actions.Count == 0 ? "." : $" ({string.Join(", ", actions.Keys)}).");
            errors.Add($"{output.Path}.Name", message, rule.Name);
            return null;
        }

        var arguments = new List<(string, CompiledExpression<object?>)>();
        foreach (var argument in output.Arguments)
        {
            var value = compiler.Value(argument.Expression, new Site(errors, argument.Path, rule.Name), kosIsUpline);
            if (value is not null)
            {
                arguments.Add((argument.Name, value));
            }
        }

        foreach (var required in action.RequiredArguments)
        {
            if (!output.Arguments.Any(argument => string.Equals(argument.Name, required, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{output.Path}.Context.{required}", $"The action '{action.Name}' needs the argument '{required}' in Context.", rule.Name);
            }
        }

        return new ActionOutput(action, arguments);
    }
}
