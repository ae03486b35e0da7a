namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// The budget of the evaluation running on this thread: steps per rule and per evaluation, wall-clock time,
/// memory allocated, and (in a simulation) what is left of the request's budget and its cancellation. Compiled
/// rules call <see cref="Tick()"/> for every element a list function reads and every lambda call; time, memory
/// and cancellation are looked at every few hundred steps and before each rule of a simulation.
/// </summary>
/// <remarks>One instance per thread, reused: evaluation is synchronous and never nested, and a hot path that allocates nothing stays so.</remarks>
internal sealed class EvaluationBudget
{
    private const int CheckEvery = 256;

    [ThreadStatic]
    private static EvaluationBudget? _current;

    private RuleLimits _limits = new();
    private TimeProvider _time = TimeProvider.System;
    private SimulationBudget? _simulation;
    private long _ruleSteps;
    private long _steps;
    private long _firstStep;
    private bool _stepsAreTheSimulations;
    private long _deadline;
    private bool _deadlineIsTheSimulations;
    private long _allocationCeiling;
    private bool _allocationIsTheSimulations;
    private int _untilCheck;

    /// <summary>Starts an evaluation on this thread; <see cref="End"/> charges what it used to <paramref name="simulation"/>.</summary>
    public static EvaluationBudget Begin(RuleLimits limits, TimeProvider time, SimulationBudget? simulation = null)
    {
        var budget = _current ??= new EvaluationBudget();
        budget.Reset(limits, time, simulation);
        return budget;
    }

    public static void Tick() => _current?.Step(1);

    public static void Tick(int steps) => _current?.Step(steps);

    /// <summary>Before each rule: a fresh per-rule step count, and in a simulation a look at the clock and the token.</summary>
    public void StartRule()
    {
        _ruleSteps = _limits.MaxStepsPerRule;
        if (_simulation is not null)
        {
            Check();
        }
    }

    public void End()
    {
        if (_simulation is not null)
        {
            _simulation.RemainingSteps -= _firstStep - Math.Max(_steps, 0);
        }

        _simulation = null;
    }

    private void Reset(RuleLimits limits, TimeProvider time, SimulationBudget? simulation)
    {
        _limits = limits;
        _time = time;
        _simulation = simulation;
        _ruleSteps = limits.MaxStepsPerRule;
        _steps = limits.MaxStepsPerEvaluation;
        _deadline = time.GetTimestamp() + (limits.MaxEvaluationMilliseconds * time.TimestampFrequency / 1000);
        _allocationCeiling = GC.GetAllocatedBytesForCurrentThread() + limits.MaxEvaluationAllocatedBytes;
        _stepsAreTheSimulations = simulation is not null && simulation.RemainingSteps < _steps;
        _deadlineIsTheSimulations = simulation is not null && simulation.Deadline < _deadline;
        _allocationIsTheSimulations = simulation is not null && simulation.AllocationCeiling < _allocationCeiling;
        if (simulation is not null)
        {
            _steps = Math.Min(_steps, simulation.RemainingSteps);
            _deadline = Math.Min(_deadline, simulation.Deadline);
            _allocationCeiling = Math.Min(_allocationCeiling, simulation.AllocationCeiling);
        }

        _firstStep = _steps;
        _untilCheck = CheckEvery;
    }

    private void Step(int steps)
    {
        _ruleSteps -= steps;
        _steps -= steps;
        if (_ruleSteps < 0)
        {
            throw new BudgetExceededException(
                $"The rule took more than {_limits.MaxStepsPerRule:N0} steps (elements read by list functions, lambda calls) in one evaluation and was stopped; simplify it.",
                simulation: false);
        }

        if (_steps < 0)
        {
            throw _stepsAreTheSimulations
                ? new BudgetExceededException(
                    $"The simulation took more than its {_limits.MaxSimulationSteps:N0} steps over all cases and was stopped while running this rule; simulate fewer cases or simplify the rule.",
                    simulation: true)
                : new BudgetExceededException(
                    $"The rules of one evaluation took more than {_limits.MaxStepsPerEvaluation:N0} steps together and were stopped while running this rule; simplify it.",
                    simulation: false);
        }

        _untilCheck -= steps;
        if (_untilCheck <= 0)
        {
            _untilCheck = CheckEvery;
            Check();
        }
    }

    private void Check()
    {
        _simulation?.Cancellation.ThrowIfCancellationRequested();
        if (_time.GetTimestamp() > _deadline)
        {
            throw _deadlineIsTheSimulations
                ? new BudgetExceededException(
                    $"The simulation took longer than {_limits.MaxSimulationMilliseconds:N0} ms and was stopped while running this rule; simulate fewer cases or simplify the rule.",
                    simulation: true)
                : new BudgetExceededException(
                    $"The evaluation took longer than {_limits.MaxEvaluationMilliseconds:N0} ms and was stopped while running this rule; simplify it.",
                    simulation: false);
        }

        if (GC.GetAllocatedBytesForCurrentThread() > _allocationCeiling)
        {
            throw _allocationIsTheSimulations
                ? new BudgetExceededException(
                    $"The simulation allocated more than {_limits.MaxSimulationAllocatedBytes / (1024 * 1024):N0} MB and was stopped while running this rule; simulate fewer cases or simplify the rule.",
                    simulation: true)
                : new BudgetExceededException(
                    $"The evaluation allocated more than {_limits.MaxEvaluationAllocatedBytes / (1024 * 1024):N0} MB and was stopped while running this rule; it builds too much text or too many lists.",
                    simulation: false);
        }
    }
}

/// <summary>What is left of one simulation request's budget, shared by all its evaluations (which run on one thread).</summary>
internal sealed class SimulationBudget(RuleLimits limits, TimeProvider time, CancellationToken cancellation)
{
    public long RemainingSteps { get; set; } = limits.MaxSimulationSteps;

    public long Deadline { get; } = time.GetTimestamp() + (limits.MaxSimulationMilliseconds * time.TimestampFrequency / 1000);

    public long AllocationCeiling { get; } = GC.GetAllocatedBytesForCurrentThread() + limits.MaxSimulationAllocatedBytes;

    public CancellationToken Cancellation { get; } = cancellation;
}

/// <summary>A rule used up a budget; <see cref="Simulation"/> when it was the whole simulation request's.</summary>
internal sealed class BudgetExceededException(string message, bool simulation) : Exception(message)
{
    public bool Simulation { get; } = simulation;
}
