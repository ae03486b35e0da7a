using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests.Infrastructure;

/// <summary>Rule set workflows and calls, one line each, so the rule set tests read as scenarios.</summary>
public static class RuleSetRequests
{
    /// <summary>A workflow as brand admins write it: RulesEngine's PascalCase names, not the API's camelCase.</summary>
    public static JsonNode Workflow(object workflow) => JsonSerializer.SerializeToNode(workflow)!;

    public static JsonNode PointsWorkflow(string perUnit, params object[] extraRules) => Workflow(new
    {
        WorkflowName = "points",
        Rules = new object[] { PointsRule("OrderPaid", "order.Total > 0", $"order.Total * {perUnit}") }.Concat(extraRules).ToArray(),
    });

    public static object PointsRule(string name, string expression, string output, string eventName = "order.paid") => new
    {
        RuleName = name,
        Expression = expression,
        Properties = new Dictionary<string, object> { ["event"] = eventName },
        Actions = new { OnSuccess = new { Name = "OutputExpression", Context = new { Expression = output } } },
    };

    public static async Task<JsonNode> CreateDraft(this TestTenant tenant, string kind, object workflow, string note = "test draft") =>
        await (await tenant.Client.PostJson(tenant.Url($"rulesets/{kind}"), new { workflow, note })).ShouldHaveStatus(HttpStatusCode.Created);

    public static async Task<JsonNode> Publish(this TestTenant tenant, string kind, int version, string note = "test publish") =>
        await (await tenant.Client.PostJson(tenant.Url($"rulesets/{kind}/{version}/publish"), new { note })).ShouldHaveStatus(HttpStatusCode.OK);

    public static async Task<JsonArray> Versions(this TestTenant tenant, string kind) =>
        (await (await tenant.Client.GetAsync(tenant.Url($"rulesets/{kind}?limit=100"))).ShouldHaveStatus(HttpStatusCode.OK))["data"]!.AsArray();

    public static int Number(this JsonNode version) => version["version"]!.GetValue<int>();

    public static string Status(this JsonNode version) => version["status"]!.GetValue<string>();

    public static string StatusOf(this JsonArray versions, int number) => versions.Single(v => v!.Number() == number)!.Status();
}
