namespace CommunitySaaS.Rules;

/// <summary>Budgets for rule sets, checked at validation except <paramref name="MaxIterationsPerRule"/>.</summary>
/// <param name="MaxJsonLength">Characters in a rule set's JSON.</param>
/// <param name="MaxRules">Rules in a rule set.</param>
/// <param name="MaxExpressionLength">Characters in one expression.</param>
/// <param name="MaxNesting">Nested parentheses, brackets and braces in one expression; deeper text could overflow the parser's stack.</param>
/// <param name="MaxNodes">Operations in one parsed expression.</param>
/// <param name="MaxLambdaDepth">Lambdas nested in one another (<c>order.Lines.Any(l => ...)</c> is one), which bounds loops over loops.</param>
/// <param name="MaxIterationsPerRule">Lambda calls one rule may make in one evaluation before it is cut off.</param>
/// <param name="MaxNameLength">Characters in the workflow's name, a rule's name and a text property (event, tier, basis): results and ledgers keep these names.</param>
public sealed record RuleLimits(
    int MaxJsonLength = 256 * 1024,
    int MaxRules = 200,
    int MaxExpressionLength = 1_000,
    int MaxNesting = 12,
    int MaxNodes = 300,
    int MaxLambdaDepth = 2,
    int MaxIterationsPerRule = 100_000,
    int MaxNameLength = 100);
