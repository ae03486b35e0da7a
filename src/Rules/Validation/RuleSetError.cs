namespace CommunitySaaS.Rules;

/// <summary>One problem in a rule set, worded for the brand admin who wrote it.</summary>
/// <param name="Rule">The rule's name, when the problem is inside a rule.</param>
/// <param name="Expression">The expression at fault, when there is one.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Path">Where, as a JSON path, e.g. <c>$.Rules[2].Expression</c>.</param>
public sealed record RuleSetError(string? Rule, string? Expression, string Message, string Path);
