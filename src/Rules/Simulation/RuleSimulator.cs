using CommunitySaaS.Rules.Compilation;
using CommunitySaaS.Rules.Evaluation;
using CommunitySaaS.Rules.Sandbox;

namespace CommunitySaaS.Rules.Simulation;

/// <summary>
/// Compiles both versions without caching them and compares their outcomes case by case, all within one
/// request's <see cref="SimulationBudget"/>: a rule that fails one case is shown on that case, a request that
/// runs out of budget stops with <see cref="SimulationReport.Stopped"/>, a cancelled one stops at once.
/// </summary>
internal sealed class RuleSimulator(RuleSetCompiler compiler, RulesOptions options, TimeProvider time) : IRuleSimulator
{
    public SimulationReport Simulate(
        RuleSetKind kind, string? activeJson, string draftJson, IReadOnlyList<SimulationCase> cases, IReadOnlyCollection<string> enabledPlugins,
        CancellationToken cancellationToken = default)
    {
        if (kind == RuleSetKind.Points && cases.FirstOrDefault(simulationCase => string.IsNullOrWhiteSpace(simulationCase.EventName)) is { } missing)
        {
            throw new ArgumentException($"Points simulation case '{missing.Name}' needs an EventName.", nameof(cases));
        }

        var (draft, draftErrors) = compiler.Compile(kind, draftJson, enabledPlugins, cancellationToken);
        if (draft is null)
        {
            return new SimulationReport(RuleSetValidationResult.From(draftErrors), null, []);
        }

        var (active, activeErrors) = activeJson is null ? (null, []) : compiler.Compile(kind, activeJson, enabledPlugins, cancellationToken);
        var activeValidation = activeJson is null ? null : RuleSetValidationResult.From(activeErrors);
        var budget = new SimulationBudget(options.Limits, time, cancellationToken);
        var results = new List<SimulationCaseResult>(cases.Count);
        var version = "draft";
        var caseName = "";
        RulesMetrics.Started();
        try
        {
            foreach (var simulationCase in cases)
            {
                cancellationToken.ThrowIfCancellationRequested();
                caseName = simulationCase.Name;
                version = "draft";
                var draftOutcome = Outcome(draft, kind, simulationCase, budget);
                version = "active";
                var activeOutcome = active is null ? null : Outcome(active, kind, simulationCase, budget);
                results.Add(new SimulationCaseResult(simulationCase.Name, activeOutcome, draftOutcome, SimulationDiff.Between(activeOutcome, draftOutcome)));
            }
        }
        catch (RuleEvaluationException stopped) when (stopped.Failure == RuleEvaluationFailure.SimulationBudgetExceeded)
        {
            RulesMetrics.Simulation("budget_exceeded");
            var stop = new SimulationStop(stopped.RuleName, stopped.RulePath, version, caseName, stopped.Reason);
            return new SimulationReport(RuleSetValidationResult.From([]), activeValidation, results, stop);
        }
        catch (OperationCanceledException)
        {
            RulesMetrics.Simulation("cancelled");
            throw;
        }
        finally
        {
            RulesMetrics.Ended();
        }

        RulesMetrics.Simulation("completed");
        return new SimulationReport(RuleSetValidationResult.From([]), activeValidation, results);
    }

    private SimulationOutcome Outcome(CompiledRuleSet ruleSet, RuleSetKind kind, SimulationCase simulationCase, SimulationBudget simulation)
    {
        var budget = EvaluationBudget.Begin(options.Limits, time, simulation);
        try
        {
            return Evaluate(ruleSet, kind, simulationCase, budget);
        }
        catch (RuleEvaluationException failed) when (failed.Failure != RuleEvaluationFailure.SimulationBudgetExceeded)
        {
            return new SimulationOutcome(0, null, [], [], [], new SimulationError(failed.RuleName, failed.Failure, failed.Reason));
        }
        finally
        {
            budget.End();
        }
    }

    private static SimulationOutcome Evaluate(CompiledRuleSet ruleSet, RuleSetKind kind, SimulationCase simulationCase, EvaluationBudget budget)
    {
        var reference = new RuleSetRef(Guid.Empty, kind, 0);
        switch (kind)
        {
            case RuleSetKind.Points:
                var points = PointsCalculator.Evaluate(ruleSet, reference, simulationCase.EventName!, simulationCase.Inputs, budget);
                return new SimulationOutcome(points.TotalPoints, null, [], points.FiredRules, points.Failures);
            case RuleSetKind.Tiers:
                var tier = TierCalculator.Evaluate(ruleSet, reference, simulationCase.Inputs, budget);
                return new SimulationOutcome(0, tier.Tier, [], tier.Rule is null ? [] : [tier.Rule], tier.Failures);
            default:
                var commission = CommissionCalculator.Evaluate(ruleSet, reference, simulationCase.Inputs, budget);
                var fired = commission.Levels
                    .Select(level => new FiredRule(
                        level.RuleName,
                        (level.Level == 1 ? ruleSet.Level1 : ruleSet.Level2).First(rule => rule.Name == level.RuleName).Priority,
                        level.Basis == CommissionBasis.Rate ? RuleOutputKind.Rate : RuleOutputKind.Fixed,
                        level.Value))
                    .ToList();
                return new SimulationOutcome(0, null, commission.Levels, fired, commission.Failures);
        }
    }
}
