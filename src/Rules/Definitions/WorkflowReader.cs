using System.Text.Json;

namespace CommunitySaaS.Rules.Definitions;

/// <summary>
/// Reads RulesEngine workflow JSON into <see cref="WorkflowDefinition"/>, reporting shape errors with
/// their JSON path. Expressions are not compiled here.
/// </summary>
internal sealed class WorkflowReader(RulesOptions options)
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 16,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] Unsupported = ["GlobalParams", "WorkflowsToInject", "WorkflowRulesToInject"];

    private readonly RuleReader _ruleReader = new(options);

    public WorkflowDefinition? Read(RuleSetKind kind, string json, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            errors.Add("$", "The rule set is empty. Start from the template for this kind.");
            return null;
        }

        if (json.Length > options.Limits.MaxJsonLength)
        {
            errors.Add("$", $"The rule set is {json.Length:N0} characters long; the limit is {options.Limits.MaxJsonLength:N0}.");
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return ReadWorkflow(kind, document.RootElement, errors);
        }
        catch (JsonException exception)
        {
            errors.Add(
                $"$ (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1})",
                $"This is not valid JSON: {exception.Message.Split(" Path:", 2)[0]}");
            return null;
        }
    }

    private WorkflowDefinition? ReadWorkflow(RuleSetKind kind, JsonElement root, ErrorList errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", $"A rule set is an object with WorkflowName and Rules, not {root.ValueKind.Describe()}.");
            return null;
        }

        var name = root.TryGet("WorkflowName", out var nameElement, out var namePath, "$")
            && nameElement.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(nameElement.GetString())
                ? nameElement.GetString()!
                : null;
        if (name is null)
        {
            errors.Add(namePath, "WorkflowName is required: give the rule set a name, e.g. \"points\".");
        }
        else if (name.Length > options.Limits.MaxNameLength)
        {
            errors.Add(namePath, $"WorkflowName has at most {options.Limits.MaxNameLength} characters.");
        }

        foreach (var unsupported in Unsupported)
        {
            if (root.TryGet(unsupported, out _, out var path, "$"))
            {
                errors.Add(path, $"{unsupported} is not supported; write each rule's condition in its own Expression.");
            }
        }

        if (!root.TryGet("Rules", out var rulesElement, out var rulesPath, "$") || rulesElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add(rulesPath, "Rules is required: a list of rules, each with RuleName, Expression and Properties.");
            return null;
        }

        var count = rulesElement.GetArrayLength();
        if (count == 0 || count > options.Limits.MaxRules)
        {
            errors.Add(rulesPath, $"A rule set has between 1 and {options.Limits.MaxRules} rules; this one has {count}.");
            return null;
        }

        var rules = new List<RuleDefinition>(count);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var ruleElement in rulesElement.EnumerateArray())
        {
            var rule = _ruleReader.Read(kind, ruleElement, $"{rulesPath}[{index++}]", errors);
            if (rule is null)
            {
                continue;
            }

            if (!names.Add(rule.Name))
            {
                errors.Add($"{rule.Path}.RuleName", $"Another rule is already named '{rule.Name}'; rule names must be unique.", rule.Name);
            }

            rules.Add(rule);
        }

        return errors.Any ? null : new WorkflowDefinition(name!, rules);
    }
}
