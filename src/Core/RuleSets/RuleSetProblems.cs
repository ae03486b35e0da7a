using CommunitySaaS.Core.Common;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>The library's errors as a problem's per-path errors: keyed by JSON path, each naming the rule and expression.</summary>
internal static class RuleSetProblems
{
    public static ServiceResult<T> Invalid<T>(IReadOnlyList<RuleSetError> errors) =>
        ServiceResult<T>.Invalid(
            errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(Describe).ToArray()),
            $"The rule set has {errors.Count} problem(s); each error names the rule, the expression and where it is.");

    private static string Describe(RuleSetError error) => (error.Rule, error.Expression) switch
    {
        (null, _) => error.Message,
        (_, null) => $"Rule '{error.Rule}': {error.Message}",
        _ => $"Rule '{error.Rule}', expression \"{error.Expression}\": {error.Message}",
    };
}
