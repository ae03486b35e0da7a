using CommunitySaaS.Rules.Compilation;
using CommunitySaaS.Rules.Sandbox;

namespace CommunitySaaS.Rules.Evaluation;

/// <summary>
/// Runs one rule's compiled condition or output. A rule that throws (it reads an input the event does
/// not have, divides by zero, exceeds its budget) does not match; the failure is recorded, never thrown.
/// </summary>
internal static class RuleRunner
{
    public static bool Matches(CompiledRule rule, RuleInputs inputs, int budget, ref List<RuleFailure>? failures)
    {
        try
        {
            if (rule.HasLambdas)
            {
                IterationBudget.Reset(budget);
            }

            return rule.Matches(inputs);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Fail(rule, exception, ref failures);
            return false;
        }
    }

    public static bool TryOutput(CompiledRule rule, RuleInputs inputs, int budget, ref List<RuleFailure>? failures, out decimal output)
    {
        try
        {
            if (rule.HasLambdas)
            {
                IterationBudget.Reset(budget);
            }

            output = rule.Output!.Compute(inputs);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Fail(rule, exception, ref failures);
            output = 0;
            return false;
        }
    }

    public static void Fail(CompiledRule rule, string message, ref List<RuleFailure>? failures) =>
        (failures ??= []).Add(new RuleFailure(rule.Name, message));

    private static void Fail(CompiledRule rule, Exception exception, ref List<RuleFailure>? failures) =>
        Fail(rule, exception switch
        {
            NullReferenceException => "The rule reads an input this evaluation does not have (order, member, kos, activity or stats); guard it with np(...) or != null.",
            RuleBudgetExceededException => exception.Message,
            _ => $"The rule failed: {exception.Message}",
        }, ref failures);
}
