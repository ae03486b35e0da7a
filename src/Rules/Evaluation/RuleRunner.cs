using CommunitySaaS.Rules.Compilation;
using CommunitySaaS.Rules.Sandbox;

namespace CommunitySaaS.Rules.Evaluation;

/// <summary>
/// Runs one rule's compiled condition or output. A rule that reads an input or value these inputs do not have
/// does not match and is recorded as a <see cref="RuleFailure"/>; any other exception (overflow, budget, a
/// throwing rule or plugin) fails the whole evaluation with a <see cref="RuleEvaluationException"/>, and a
/// cancelled simulation's <see cref="OperationCanceledException"/> passes through.
/// </summary>
internal static class RuleRunner
{
    public static bool Matches(CompiledRule rule, RuleInputs inputs, EvaluationBudget budget, ref List<RuleFailure>? failures)
    {
        try
        {
            Start(rule, budget);
            return rule.Matches(inputs);
        }
        catch (Exception exception) when (IsMissingInput(exception))
        {
            Fail(rule, MissingInput(exception), ref failures);
            return false;
        }
        catch (Exception exception) when (IsRuleFault(exception))
        {
            throw Failure(rule, exception);
        }
    }

    public static bool TryOutput(CompiledRule rule, RuleInputs inputs, EvaluationBudget budget, ref List<RuleFailure>? failures, out decimal output)
    {
        try
        {
            Start(rule, budget);
            output = rule.Output!.Compute(inputs);
            return true;
        }
        catch (Exception exception) when (IsMissingInput(exception))
        {
            Fail(rule, MissingInput(exception), ref failures);
            output = 0;
            return false;
        }
        catch (Exception exception) when (IsRuleFault(exception))
        {
            throw Failure(rule, exception);
        }
    }

    public static void Fail(CompiledRule rule, string message, ref List<RuleFailure>? failures) =>
        (failures ??= []).Add(new RuleFailure(rule.Name, message));

    public static RuleEvaluationException Overflow(CompiledRule rule, string message, Exception? inner = null) =>
        new(rule.Name, rule.Path, RuleEvaluationFailure.Overflow, message, inner);

    private static void Start(CompiledRule rule, EvaluationBudget budget)
    {
        if (rule.CountsSteps)
        {
            budget.StartRule();
        }
    }

    private static bool IsMissingInput(Exception exception) => exception is NullReferenceException or MissingValueException;

    private static string MissingInput(Exception exception) => exception is MissingValueException
        ? exception.Message
        : "The rule reads an input this evaluation does not have (order, member, kos, activity or stats); guard it with np(...) or != null.";

    private static bool IsRuleFault(Exception exception) =>
        exception is not (OperationCanceledException or OutOfMemoryException or InsufficientExecutionStackException or RuleEvaluationException);

    private static RuleEvaluationException Failure(CompiledRule rule, Exception exception) => exception switch
    {
        BudgetExceededException budget => new RuleEvaluationException(
            rule.Name, rule.Path, budget.Simulation ? RuleEvaluationFailure.SimulationBudgetExceeded : RuleEvaluationFailure.BudgetExceeded, budget.Message, budget),
        OverflowException => Overflow(rule, $"A number went out of range ({exception.Message.TrimEnd('.')}).", exception),
        FormatRefusedException => new RuleEvaluationException(rule.Name, rule.Path, RuleEvaluationFailure.RuleError, exception.Message, exception),
        _ => new RuleEvaluationException(rule.Name, rule.Path, RuleEvaluationFailure.RuleError, $"The rule failed: {exception.Message}", exception),
    };
}
