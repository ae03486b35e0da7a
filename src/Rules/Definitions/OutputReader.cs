using System.Text.Json;

namespace CommunitySaaS.Rules.Definitions;

/// <summary>
/// Reads how a rule states its output: RulesEngine's standard <c>Actions.OnSuccess</c> with
/// <c>Name: "OutputExpression"</c> and <c>Context.Expression</c>, or a plugin action's name with its
/// arguments in <c>Context</c>. Tier rules have no output.
/// </summary>
internal static class OutputReader
{
    public const string OutputExpression = "OutputExpression";

    public static OutputDefinition? Read(RuleSetKind kind, JsonElement rule, string path, string name, ErrorList errors)
    {
        var hasActions = rule.TryGet("Actions", out var actions, out var actionsPath, path);
        if (kind == RuleSetKind.Tiers)
        {
            if (hasActions)
            {
                errors.Add(actionsPath, "Tier rules have no output: the tier comes from the rule's tier property.", name);
            }

            return null;
        }

        if (!hasActions || actions.ValueKind != JsonValueKind.Object
            || !actions.TryGet("OnSuccess", out var onSuccess, out var onSuccessPath, actionsPath)
            || onSuccess.ValueKind != JsonValueKind.Object)
        {
            var example = kind == RuleSetKind.Points ? "order.Total" : "0.10";
            errors.Add($"{path}.Actions.OnSuccess",
                $"The rule needs an output: \"Actions\": {{ \"OnSuccess\": {{ \"Name\": \"OutputExpression\", \"Context\": {{ \"Expression\": \"{example}\" }} }} }}.",
                name);
            return null;
        }

        if (actions.TryGet("OnFailure", out _, out var onFailurePath, actionsPath))
        {
            errors.Add(onFailurePath, "OnFailure actions are not supported: a rule that does not match gives nothing.", name);
        }

        var actionName = onSuccess.TryGet("Name", out var nameElement, out var namePath, onSuccessPath) && nameElement.ValueKind == JsonValueKind.String
            ? nameElement.GetString()
            : null;
        if (string.IsNullOrWhiteSpace(actionName))
        {
            errors.Add(namePath, "Name is required: \"OutputExpression\" or a plugin action such as \"Streaks.StreakBonus\".", name);
            return null;
        }

        var hasContext = onSuccess.TryGet("Context", out var context, out var contextPath, onSuccessPath) && context.ValueKind == JsonValueKind.Object;
        var arguments = hasContext ? ReadArguments(context, contextPath, name, errors) : [];
        if (!string.Equals(actionName, OutputExpression, StringComparison.OrdinalIgnoreCase))
        {
            return new OutputDefinition(null, actionName, arguments, onSuccessPath);
        }

        var expression = arguments.FirstOrDefault(argument => string.Equals(argument.Name, "Expression", StringComparison.OrdinalIgnoreCase));
        if (expression is null)
        {
            errors.Add($"{contextPath}.Expression", "OutputExpression needs Context.Expression: the number the rule gives, e.g. \"order.Total\".", name);
            return null;
        }

        return new OutputDefinition(expression.Expression, null, [], expression.Path);
    }

    private static List<ActionArgument> ReadArguments(JsonElement context, string contextPath, string name, ErrorList errors)
    {
        var arguments = new List<ActionArgument>();
        foreach (var property in context.EnumerateObject())
        {
            var path = $"{contextPath}.{property.Name}";
            // Numbers and booleans are constants; text is an expression, as in RulesEngine's OutputExpression.
            var expression = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (string.IsNullOrWhiteSpace(expression))
            {
                errors.Add(path, "Each Context entry is an expression (text), a number or true/false.", name);
                continue;
            }

            arguments.Add(new ActionArgument(property.Name, expression, path));
        }

        return arguments;
    }
}
