namespace CommunitySaaS.Rules;

/// <summary>Runs a draft rule set and the active one side by side on the same inputs, before publishing.</summary>
public interface IRuleSimulator
{
    /// <summary>
    /// Validates <paramref name="draftJson"/> and, when valid, evaluates it and <paramref name="activeJson"/>
    /// (if any) for each case. Nothing is cached: drafts are not versions yet.
    /// </summary>
    /// <param name="kind">The kind of both rule sets.</param>
    /// <param name="activeJson">The active version's JSON, or null when the tenant has none yet.</param>
    /// <param name="draftJson">The draft's JSON.</param>
    /// <param name="cases">The inputs to try, e.g. built from the request or from the tenant's last N orders.</param>
    /// <param name="enabledPlugins">The plugins the tenant enabled.</param>
    /// <param name="cancellationToken">Stops the work, e.g. when the client has gone.</param>
    /// <remarks>
    /// The whole request runs within <see cref="RuleLimits.MaxSimulationSteps"/>, <see cref="RuleLimits.MaxSimulationMilliseconds"/>
    /// and <see cref="RuleLimits.MaxSimulationAllocatedBytes"/>; when one runs out the report comes back with
    /// <see cref="SimulationReport.Stopped"/> naming the rule. A case whose evaluation fails has <see cref="SimulationOutcome.Error"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">A points case has no event name.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    SimulationReport Simulate(
        RuleSetKind kind,
        string? activeJson,
        string draftJson,
        IReadOnlyList<SimulationCase> cases,
        IReadOnlyCollection<string> enabledPlugins,
        CancellationToken cancellationToken = default);
}
