namespace CommunitySaaS.Rules;

/// <summary>Checks a rule set before it is saved: shape, properties, expressions and the sandbox.</summary>
public interface IRuleSetValidator
{
    /// <summary>Validates <paramref name="workflowJson"/> as a rule set of <paramref name="kind"/>.</summary>
    /// <param name="kind">The rule set's kind, which decides the required properties.</param>
    /// <param name="workflowJson">The workflow JSON.</param>
    /// <param name="enabledPlugins">The plugins the tenant enabled; only their functions and actions are reachable.</param>
    /// <remarks>Checking stops with an error at the rule it reached after <see cref="RuleLimits.MaxValidationMilliseconds"/>.</remarks>
    RuleSetValidationResult Validate(RuleSetKind kind, string workflowJson, IReadOnlyCollection<string> enabledPlugins);
}
