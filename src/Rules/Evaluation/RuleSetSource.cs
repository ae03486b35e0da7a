namespace CommunitySaaS.Rules;

/// <summary>
/// A published rule set version as the evaluator needs it. The JSON is read only when the version is
/// not in the compile cache; callers that keep the active version in memory can reuse one instance.
/// </summary>
/// <param name="Ref">Which tenant, kind and version.</param>
/// <param name="WorkflowJson">The version's workflow JSON.</param>
/// <param name="EnabledPlugins">The plugins the tenant enabled, by name.</param>
public sealed record RuleSetSource(RuleSetRef Ref, string WorkflowJson, IReadOnlyCollection<string> EnabledPlugins);
