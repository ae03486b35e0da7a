using CommunitySaaS.Rules.Compilation;

namespace CommunitySaaS.Rules.Validation;

/// <summary>Validates by compiling: whatever passes here is exactly what the evaluator will run.</summary>
internal sealed class RuleSetValidator(RuleSetCompiler compiler) : IRuleSetValidator
{
    public RuleSetValidationResult Validate(RuleSetKind kind, string workflowJson, IReadOnlyCollection<string> enabledPlugins)
    {
        ArgumentNullException.ThrowIfNull(workflowJson);
        ArgumentNullException.ThrowIfNull(enabledPlugins);
        return RuleSetValidationResult.From(compiler.Compile(kind, workflowJson, enabledPlugins).Errors);
    }
}
