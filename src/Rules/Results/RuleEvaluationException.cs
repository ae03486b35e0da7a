namespace CommunitySaaS.Rules;

/// <summary>
/// An evaluation that has no trustworthy result, so it must not be applied: a rule overflowed (points beyond
/// <see cref="long.MaxValue"/>, a decimal out of range), used up its budget of steps, time or memory, or threw for
/// another reason (division by zero, an empty list's <c>First()</c>, a plugin that threw). The caller fails closed:
/// it records nothing for the event and parks it for an operator, never a zero or a capped amount.
/// </summary>
/// <remarks>
/// Separate from <see cref="RuleFailure"/>, which is a rule that reads an input or value the event does not have
/// (<c>order</c> on a sign-in, a member without a birthday): such a rule does not match and the evaluation goes on.
/// </remarks>
public sealed class RuleEvaluationException : Exception
{
    /// <summary>Creates the exception for <paramref name="ruleName"/>.</summary>
    public RuleEvaluationException(string ruleName, string rulePath, RuleEvaluationFailure failure, string message, Exception? inner = null)
        : base($"Rule '{ruleName}': {message}", inner)
    {
        RuleName = ruleName;
        RulePath = rulePath;
        Failure = failure;
        Reason = message;
    }

    /// <summary>The rule that was running.</summary>
    public string RuleName { get; }

    /// <summary>The rule's JSON path in its rule set, e.g. <c>$.Rules[2]</c>.</summary>
    public string RulePath { get; }

    /// <summary>What went wrong.</summary>
    public RuleEvaluationFailure Failure { get; }

    /// <summary>The explanation for the brand admin, without the rule's name.</summary>
    public string Reason { get; }
}

/// <summary>Why an evaluation failed; see <see cref="RuleEvaluationException"/>.</summary>
public enum RuleEvaluationFailure
{
    /// <summary>A number went out of range: points beyond <see cref="long.MaxValue"/>, a decimal overflow.</summary>
    Overflow,

    /// <summary>The rule or the evaluation used up its steps, time or memory (<see cref="RuleLimits"/>).</summary>
    BudgetExceeded,

    /// <summary>A simulation request used up its whole budget (<see cref="RuleLimits.MaxSimulationSteps"/> and the like) while this rule ran.</summary>
    SimulationBudgetExceeded,

    /// <summary>The rule threw: division by zero, an empty list's <c>First()</c>, a format refused at evaluation, a plugin that threw.</summary>
    RuleError,
}
