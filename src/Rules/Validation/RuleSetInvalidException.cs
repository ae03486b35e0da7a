namespace CommunitySaaS.Rules;

/// <summary>Thrown when a rule set that must be evaluated does not compile (it was never valid, or a plugin it uses is gone).</summary>
public sealed class RuleSetInvalidException(RuleSetRef? ruleSet, IReadOnlyList<RuleSetError> errors)
    : Exception(Describe(ruleSet, errors))
{
    /// <summary>The rule set version, when known.</summary>
    public RuleSetRef? RuleSet { get; } = ruleSet;

    /// <summary>The problems found.</summary>
    public IReadOnlyList<RuleSetError> Errors { get; } = errors;

    private static string Describe(RuleSetRef? ruleSet, IReadOnlyList<RuleSetError> errors) =>
        $"Rule set {ruleSet?.ToString() ?? "(draft)"} is invalid: "
        + string.Join("; ", errors.Select(error => $"{error.Path}: {error.Message}"));
}
