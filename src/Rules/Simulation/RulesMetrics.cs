using System.Diagnostics.Metrics;

namespace CommunitySaaS.Rules.Simulation;

/// <summary>
/// The rules library's meter, <c>CommunitySaaS.Rules</c>: <c>communitysaas.rules.simulations</c> counts simulation
/// requests by <c>outcome</c> (<c>completed</c>, <c>budget_exceeded</c>, <c>cancelled</c>), so that an operator sees
/// drafts that hit their budget and clients that gave up; <c>communitysaas.rules.simulations.running</c> is how many
/// are evaluating now.
/// </summary>
internal static class RulesMetrics
{
    public const string MeterName = "CommunitySaaS.Rules";

    public const string SimulationsCounter = "communitysaas.rules.simulations";

    public const string RunningCounter = "communitysaas.rules.simulations.running";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Simulations = Meter.CreateCounter<long>(SimulationsCounter, description: "Simulation requests by outcome.");

    private static readonly UpDownCounter<long> Running = Meter.CreateUpDownCounter<long>(RunningCounter, description: "Simulations evaluating now.");

    public static void Started() => Running.Add(1);

    public static void Ended() => Running.Add(-1);

    public static void Simulation(string outcome) => Simulations.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
