using System.Text.Json;

namespace CommunitySaaS.Rules.Tests.Support;

/// <summary>Builds workflow JSON the way a brand admin would write it.</summary>
internal static class RuleJson
{
    public static string Workflow(params object[] rules) => JsonSerializer.Serialize(new { WorkflowName = "test", Rules = rules });

    public static object Points(
        string name, string expression, string output, string eventName = "order.paid", int priority = 0,
        bool exclusive = false, bool multiplier = false, string? tier = null)
    {
        var properties = new Dictionary<string, object> { ["event"] = eventName, ["priority"] = priority };
        if (exclusive)
        {
            properties["exclusive"] = true;
        }

        if (multiplier)
        {
            properties["multiplier"] = true;
        }

        if (tier is not null)
        {
            properties["tier"] = tier;
        }

        return new { RuleName = name, Expression = expression, Properties = properties, Actions = Output(output) };
    }

    public static object Commission(string name, string expression, int level, string output, int priority = 0, string basis = "rate", decimal? cap = null)
    {
        var properties = new Dictionary<string, object> { ["level"] = level, ["priority"] = priority, ["basis"] = basis };
        if (cap is not null)
        {
            properties["cap"] = cap;
        }

        return new { RuleName = name, Expression = expression, Properties = properties, Actions = Output(output) };
    }

    public static object Tier(string name, string expression, string tier, int priority) =>
        new { RuleName = name, Expression = expression, Properties = new { tier, priority } };

    public static object Action(string name, string expression, string action, Dictionary<string, object> context, string eventName = "signin") =>
        new
        {
            RuleName = name,
            Expression = expression,
            Properties = new { @event = eventName },
            Actions = new { OnSuccess = new { Name = action, Context = context } },
        };

    public static object Output(string expression) =>
        new { OnSuccess = new { Name = "OutputExpression", Context = new { Expression = expression } } };
}
