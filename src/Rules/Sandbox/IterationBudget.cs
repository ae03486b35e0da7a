namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// Counts lambda calls (loop iterations) of the rule being evaluated on this thread, so that a rule
/// looping far more than its inputs justify is cut off instead of holding the thread. Compiled
/// rules call <see cref="Tick"/> at the start of every lambda body; the evaluator calls
/// <see cref="Reset"/> before each rule that has lambdas.
/// </summary>
internal static class IterationBudget
{
    [ThreadStatic]
    private static int _remaining;

    public static void Reset(int iterations) => _remaining = iterations;

    public static void Tick()
    {
        if (--_remaining < 0)
        {
            throw new RuleBudgetExceededException();
        }
    }
}

/// <summary>A rule used up its iteration budget for one evaluation.</summary>
internal sealed class RuleBudgetExceededException()
    : Exception("The rule looped more than its evaluation budget allows and was stopped; simplify it.");
