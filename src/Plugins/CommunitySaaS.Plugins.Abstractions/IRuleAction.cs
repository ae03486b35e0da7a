namespace CommunitySaaS.Plugins;

/// <summary>
/// A custom action: computes a matched rule's output (points, a commission rate or a fixed amount)
/// from arguments the rule passes in <c>Actions.OnSuccess.Context</c>. Each context entry is a rule
/// expression evaluated against the rule's inputs before the action runs.
/// </summary>
public interface IRuleAction
{
    /// <summary>The name rules use in <c>Actions.OnSuccess.Name</c>, conventionally <c>Plugin.Action</c>.</summary>
    string Name { get; }

    /// <summary>What the action computes and which arguments it takes.</summary>
    string Description { get; }

    /// <summary>The argument names the action requires; validation refuses a rule that omits one.</summary>
    IReadOnlyList<string> RequiredArguments { get; }

    /// <summary>Computes the rule's output. Must be a pure function of <paramref name="arguments"/>.</summary>
    decimal Execute(RuleActionArguments arguments);
}
