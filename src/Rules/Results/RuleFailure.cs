namespace CommunitySaaS.Rules;

/// <summary>
/// A rule that could not be evaluated for these inputs (for example it reads an input the event does
/// not have, or exceeded the evaluation budget). It is treated as not matching.
/// </summary>
/// <param name="RuleName">The rule's <c>RuleName</c>.</param>
/// <param name="Message">What went wrong.</param>
public sealed record RuleFailure(string RuleName, string Message);
