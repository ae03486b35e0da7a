using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// Which of the library's rule failures money can live with. Exactly one kind is benign: a rule that reads an input
/// this event does not have (a <c>member.Tier</c> rule on a guest's order, an <c>order</c> rule on a check-in) simply
/// does not apply. Every other failure (a rule that throws, divides by zero, exceeds its iteration budget, or gives an
/// output out of range) is fatal: the amount it would have added is unknown, so no amount is recorded at all.
/// </summary>
internal static class RuleFailurePolicy
{
    // The library reports a missing input with this text today. When it reports failure kinds explicitly
    // (the sandbox work in src/Rules), this is the one line that changes to test that kind instead.
    private const string MissingInputPrefix = "The rule reads an input this evaluation does not have";

    public static bool IsFatal(RuleFailure failure) => !failure.Message.StartsWith(MissingInputPrefix, StringComparison.Ordinal);

    public static IReadOnlyList<RuleFailure> Fatal(IReadOnlyList<RuleFailure> failures) => failures.Where(IsFatal).ToList();
}
