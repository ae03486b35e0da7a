using CommunitySaaS.Rules.Compilation;
using CommunitySaaS.Rules.Evaluation;

namespace CommunitySaaS.Rules.Simulation;

/// <summary>Compiles both versions without caching them and compares their outcomes case by case.</summary>
internal sealed class RuleSimulator(RuleSetCompiler compiler, RulesOptions options) : IRuleSimulator
{
    public SimulationReport Simulate(
        RuleSetKind kind, string? activeJson, string draftJson, IReadOnlyList<SimulationCase> cases, IReadOnlyCollection<string> enabledPlugins)
    {
        if (kind == RuleSetKind.Points && cases.FirstOrDefault(simulationCase => string.IsNullOrWhiteSpace(simulationCase.EventName)) is { } missing)
        {
            throw new ArgumentException($"Points simulation case '{missing.Name}' needs an EventName.", nameof(cases));
        }

        var (draft, draftErrors) = compiler.Compile(kind, draftJson, enabledPlugins);
        if (draft is null)
        {
            return new SimulationReport(RuleSetValidationResult.From(draftErrors), null, []);
        }

        var (active, activeErrors) = activeJson is null ? (null, []) : compiler.Compile(kind, activeJson, enabledPlugins);
        var results = cases
            .Select(simulationCase =>
            {
                var draftOutcome = Outcome(draft, kind, simulationCase);
                var activeOutcome = active is null ? null : Outcome(active, kind, simulationCase);
                return new SimulationCaseResult(simulationCase.Name, activeOutcome, draftOutcome, SimulationDiff.Between(activeOutcome, draftOutcome));
            })
            .ToList();
        return new SimulationReport(
            RuleSetValidationResult.From([]), activeJson is null ? null : RuleSetValidationResult.From(activeErrors), results);
    }

    private SimulationOutcome Outcome(CompiledRuleSet ruleSet, RuleSetKind kind, SimulationCase simulationCase)
    {
        var reference = new RuleSetRef(Guid.Empty, kind, 0);
        var budget = options.Limits.MaxIterationsPerRule;
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
