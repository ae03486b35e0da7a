using System.Text.Json;

namespace CommunitySaaS.Rules.Definitions;

/// <summary>Reads one rule of a workflow: its name, expression, properties and output.</summary>
internal sealed class RuleReader(RulesOptions options)
{
    private static readonly (string Field, string Message)[] Unsupported =
    [
        ("Operator", "Nested rules are not supported; combine conditions in one Expression with && and ||."),
        ("Rules", "Nested rules are not supported; combine conditions in one Expression with && and ||."),
        ("LocalParams", "LocalParams are not supported; write the value into the Expression."),
    ];

    private readonly PropertiesReader _propertiesReader = new(options);

    public RuleDefinition? Read(RuleSetKind kind, JsonElement rule, string path, ErrorList errors)
    {
        if (rule.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"Each rule is an object with RuleName, Expression and Properties, not {rule.ValueKind.Describe()}.");
            return null;
        }

        var name = ReadString(rule, "RuleName", path, out var namePath);
        if (name is null)
        {
            errors.Add(namePath, "RuleName is required: name the rule so that results can say which rule fired.");
            return null;
        }

        if (name.Length > options.Limits.MaxNameLength)
        {
            errors.Add(namePath, $"RuleName has at most {options.Limits.MaxNameLength} characters.", name[..options.Limits.MaxNameLength]);
            return null;
        }

        var before = errors.Items.Count;
        foreach (var (field, message) in Unsupported)
        {
            if (rule.TryGet(field, out _, out var fieldPath, path))
            {
                errors.Add(fieldPath, message, name);
            }
        }

        var typeText = ReadString(rule, "RuleExpressionType", path, out var typePath);
        if (typeText is not null && !string.Equals(typeText, "LambdaExpression", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(typePath, "RuleExpressionType must be LambdaExpression (or left out).", name);
        }

        var expression = ReadString(rule, "Expression", path, out var expressionPath);
        if (expression is null)
        {
            errors.Add(expressionPath, "Expression is required: the condition under which the rule applies, e.g. \"order.Total >= 100\" or \"true\".", name);
        }

        var enabled = !rule.TryGet("Enabled", out var enabledElement, out var enabledPath, path) || ReadEnabled(enabledElement, enabledPath, name, errors);
        var properties = _propertiesReader.Read(kind, rule, path, name, errors);
        var output = OutputReader.Read(kind, rule, path, name, errors);

        return errors.Items.Count > before || expression is null || properties is null
            ? null
            : new RuleDefinition(name, path, enabled, expression, properties, output);
    }

    private static bool ReadEnabled(JsonElement element, string path, string rule, ErrorList errors)
    {
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        errors.Add(path, "Enabled must be true or false.", rule);
        return false;
    }

    private static string? ReadString(JsonElement element, string name, string parentPath, out string path) =>
        element.TryGet(name, out var value, out path, parentPath) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
