namespace CommunitySaaS.Rules;

/// <summary>The outcome of validating a rule set.</summary>
/// <param name="IsValid">True when there are no errors.</param>
/// <param name="Errors">Every problem found.</param>
public sealed record RuleSetValidationResult(bool IsValid, IReadOnlyList<RuleSetError> Errors)
{
    internal static RuleSetValidationResult From(IReadOnlyList<RuleSetError> errors) => new(errors.Count == 0, errors);
}
