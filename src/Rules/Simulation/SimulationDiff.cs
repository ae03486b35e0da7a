namespace CommunitySaaS.Rules.Simulation;

/// <summary>Draft minus active for one case; a missing active version counts as giving nothing.</summary>
internal static class SimulationDiff
{
    public static SimulationDifference Between(SimulationOutcome? active, SimulationOutcome draft)
    {
        var levels = (active?.Commission ?? []).Select(level => level.Level)
            .Concat(draft.Commission.Select(level => level.Level))
            .Distinct()
            .Order()
            .Select(level =>
            {
                var before = Amount(active, level);
                var after = Amount(draft, level);
                return new CommissionLevelDelta(level, before, after, after - before);
            })
            .ToList();
        return new SimulationDifference(
            draft.Points - (active?.Points ?? 0),
            levels,
            !string.Equals(active?.Tier, draft.Tier, StringComparison.Ordinal),
            active?.Tier,
            draft.Tier);
    }

    private static decimal Amount(SimulationOutcome? outcome, int level) =>
        outcome?.Commission.FirstOrDefault(result => result.Level == level)?.Amount ?? 0m;
}
