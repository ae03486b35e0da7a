using System.Globalization;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Admin.Pages.RuleSets;

/// <summary>How one side of a simulated case, and the difference, read in the side-by-side table.</summary>
public static class SimulationCells
{
    public static string Outcome(RuleSetKind kind, SimulationOutcome? outcome) => outcome is null ? "—" : kind switch
    {
        RuleSetKind.Points => Number(outcome.Points),
        RuleSetKind.Tiers => outcome.Tier ?? "no tier",
        _ => outcome.Commission.Count == 0 ? "none" : string.Join(" · ", outcome.Commission.Select(l => $"L{l.Level} {Amount(l.Amount)}")),
    };

    public static string Difference(RuleSetKind kind, SimulationDifference difference) => kind switch
    {
        RuleSetKind.Points => difference.PointsDelta == 0 ? "=" : Signed(difference.PointsDelta),
        RuleSetKind.Tiers => difference.TierChanged ? $"{difference.TierBefore ?? "no tier"} → {difference.TierAfter ?? "no tier"}" : "=",
        _ => difference.Commission.All(l => l.Delta == 0) ? "=" : string.Join(" · ", difference.Commission.Where(l => l.Delta != 0).Select(l => $"L{l.Level} {Signed(l.Delta)}")),
    };

    public static bool Changed(SimulationDifference difference) =>
        difference.PointsDelta != 0 || difference.TierChanged || difference.Commission.Any(l => l.Delta != 0);

    public static string Number(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Amount(decimal value) => value.ToString("#,##0.00##", CultureInfo.InvariantCulture);

    public static string Signed(long value) => (value > 0 ? "+" : "") + Number(value);

    public static string Signed(decimal value) => (value > 0 ? "+" : "") + Amount(value);
}
