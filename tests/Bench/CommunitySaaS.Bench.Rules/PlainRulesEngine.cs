using System.Text.Json;
using CommunitySaaS.Rules;
using RulesEngine.Models;

namespace CommunitySaaS.Bench.Rules;

/// <summary>
/// The same rule sets run by RulesEngine as its README shows: one engine per workflow, default settings,
/// ExecuteAllRulesAsync with the inputs as rule parameters, outputs read from each result's ActionResult.
/// </summary>
public sealed class PlainRulesEngine
{
    private readonly RulesEngine.RulesEngine _engine;
    private readonly string _workflowName;
    private readonly RuleParameter[] _parameters;

    public PlainRulesEngine(string workflowJson, RuleInputs inputs)
    {
        var workflow = JsonSerializer.Deserialize<Workflow>(workflowJson)!;
        _workflowName = workflow.WorkflowName;
        _engine = new RulesEngine.RulesEngine([workflow]);
        _parameters =
        [
            new("order", inputs.Order), new("member", inputs.Member), new("kos", inputs.Kos),
            new("activity", inputs.Activity), new("stats", inputs.Stats), new("now", inputs.Now),
        ];
    }

    public async ValueTask<long> PointsAsync()
    {
        var results = await _engine.ExecuteAllRulesAsync(_workflowName, _parameters);
        var points = 0m;
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                points += decimal.Floor(Convert.ToDecimal(result.ActionResult.Output, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return (long)points;
    }

    public async ValueTask<decimal> CommissionAsync(decimal total)
    {
        var results = await _engine.ExecuteAllRulesAsync(_workflowName, _parameters);
        return Level(results, 1, total) + Level(results, 2, total);
    }

    private static decimal Level(List<RuleResultTree> results, int level, decimal total)
    {
        RuleResultTree? best = null;
        foreach (var result in results)
        {
            if (result.IsSuccess && Property(result, "level") == level && (best is null || Property(result, "priority") > Property(best, "priority")))
            {
                best = result;
            }
        }

        return best is null ? 0m : Math.Min(total * Convert.ToDecimal(best.ActionResult.Output, System.Globalization.CultureInfo.InvariantCulture), 100m);
    }

    private static int Property(RuleResultTree result, string name) => ((JsonElement)result.Rule.Properties[name]).GetInt32();
}
