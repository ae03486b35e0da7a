namespace CommunitySaaS.Rules;

/// <summary>One set of inputs to simulate.</summary>
/// <param name="Name">How the case is shown, e.g. the order's external id.</param>
/// <param name="Inputs">The inputs.</param>
/// <param name="EventName">For points rule sets, the event, e.g. <c>order.paid</c>.</param>
public sealed record SimulationCase(string Name, RuleInputs Inputs, string? EventName = null);

/// <summary>The outcome of a simulation.</summary>
/// <param name="Draft">The draft's validation; when it is invalid there are no cases.</param>
/// <param name="Active">The active version's validation, or null when there is no active version.</param>
/// <param name="Cases">Per case, what each version gives and the difference; when <paramref name="Stopped"/>, only the cases finished before.</param>
/// <param name="Stopped">Set when the request used up its budget (<see cref="RuleLimits.MaxSimulationSteps"/>, time, memory): the rule that was running.</param>
public sealed record SimulationReport(
    RuleSetValidationResult Draft,
    RuleSetValidationResult? Active,
    IReadOnlyList<SimulationCaseResult> Cases,
    SimulationStop? Stopped = null);

/// <summary>Where a simulation ran out of budget.</summary>
/// <param name="RuleName">The rule that was running.</param>
/// <param name="RulePath">Its JSON path, e.g. <c>$.Rules[2]</c>.</param>
/// <param name="Version"><c>draft</c> or <c>active</c>: the rule set the rule belongs to.</param>
/// <param name="CaseName">The case being evaluated.</param>
/// <param name="Message">What ran out, for the brand admin.</param>
public sealed record SimulationStop(string RuleName, string RulePath, string Version, string CaseName, string Message);

/// <summary>A case whose evaluation failed (<see cref="RuleEvaluationException"/>): in real use the event would be parked, not rewarded.</summary>
/// <param name="RuleName">The rule that failed.</param>
/// <param name="Failure">Why.</param>
/// <param name="Message">The explanation for the brand admin.</param>
public sealed record SimulationError(string RuleName, RuleEvaluationFailure Failure, string Message);

/// <summary>What the active version and the draft give for one case.</summary>
/// <param name="Name">The case's name.</param>
/// <param name="Active">The active version's outcome, or null when there is no valid active version.</param>
/// <param name="Draft">The draft's outcome.</param>
/// <param name="Difference">Draft minus active (an absent active version counts as giving nothing).</param>
public sealed record SimulationCaseResult(string Name, SimulationOutcome? Active, SimulationOutcome Draft, SimulationDifference Difference);

/// <summary>What one version gives for one case; only the part for the rule set's kind is filled.</summary>
/// <param name="Points">Points, for a points rule set.</param>
/// <param name="Tier">The tier, for a tiers rule set.</param>
/// <param name="Commission">Commission per level, for a commission rule set.</param>
/// <param name="FiredRules">The rules that fired, with their outputs.</param>
/// <param name="Failures">Rules that read an input the case does not have and so did not match.</param>
/// <param name="Error">Set when the evaluation failed: the other fields are then empty, and the real evaluation would have failed too.</param>
public sealed record SimulationOutcome(
    long Points,
    string? Tier,
    IReadOnlyList<CommissionLevelResult> Commission,
    IReadOnlyList<FiredRule> FiredRules,
    IReadOnlyList<RuleFailure> Failures,
    SimulationError? Error = null);

/// <summary>How the draft differs from the active version for one case.</summary>
/// <param name="PointsDelta">Draft points minus active points.</param>
/// <param name="Commission">Per level, the amounts and their difference.</param>
/// <param name="TierChanged">True when the draft gives another tier.</param>
/// <param name="TierBefore">The active version's tier.</param>
/// <param name="TierAfter">The draft's tier.</param>
public sealed record SimulationDifference(
    long PointsDelta,
    IReadOnlyList<CommissionLevelDelta> Commission,
    bool TierChanged,
    string? TierBefore,
    string? TierAfter);

/// <summary>One level's commission under each version.</summary>
/// <param name="Level">1 or 2.</param>
/// <param name="Active">The active version's amount (0 when it gives none).</param>
/// <param name="Draft">The draft's amount (0 when it gives none).</param>
/// <param name="Delta">Draft minus active.</param>
public sealed record CommissionLevelDelta(int Level, decimal Active, decimal Draft, decimal Delta);
