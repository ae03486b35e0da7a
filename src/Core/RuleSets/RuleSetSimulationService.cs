using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Plugins;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>Runs a draft next to the active version on the same inputs, before anyone publishes it. Nothing is saved.</summary>
public sealed class RuleSetSimulationService(AppDbContext db, IRuleSimulator simulator, RecentOrderCases recentOrders, TimeProvider time)
{
    public async Task<ServiceResult<SimulationReport>> SimulateAsync(RuleSetKind kind, SimulateRuleSet request, CancellationToken ct = default)
    {
        string draftJson;
        if (request.Version is { } version)
        {
            var draft = await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Kind == kind && v.Version == version, ct);
            if (draft is null) return ServiceResult<SimulationReport>.NotFound($"There is no {RuleSetKinds.Name(kind)} rule set version {version}.");
            draftJson = draft.WorkflowJson;
        }
        else
        {
            draftJson = WorkflowText.Of(request.Workflow!);
        }

        var activeJson = await db.RuleSetVersions.AsNoTracking()
            .Where(v => v.Kind == kind && v.Status == RuleSetStatus.Active).Select(v => v.WorkflowJson).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow();
        var cases = request.LastOrders is { } last
            ? await recentOrders.LoadAsync(kind, last, now, ct)
            : request.Cases!.Select(c => SimulationCaseMapper.ToCase(c, now)).ToList();
        var report = simulator.Simulate(kind, activeJson, draftJson, cases, await db.EnabledPluginNamesAsync(ct), ct);
        if (report.Stopped is { } stop) return Stopped(stop);
        return report.Draft.IsValid ? ServiceResult<SimulationReport>.Ok(report) : RuleSetProblems.Invalid<SimulationReport>(report.Draft.Errors);
    }

    /// <summary>The request used up its simulation budget: a problem naming the rule that was running, keyed by its path.</summary>
    private static ServiceResult<SimulationReport> Stopped(SimulationStop stop)
    {
        var path = stop.Version == "draft" ? stop.RulePath : $"active{stop.RulePath.TrimStart('$')}";
        return ServiceResult<SimulationReport>.Invalid(
            new Dictionary<string, string[]> { [path] = [$"Rule '{stop.RuleName}' of the {stop.Version} version, case '{stop.CaseName}': {stop.Message}"] },
            $"The simulation was stopped: it used up its budget while running rule '{stop.RuleName}'. Simulate fewer cases or simplify the rule.");
    }
}
