namespace CommunitySaaS.Rules;

/// <summary>
/// Budgets that keep one tenant's rules from hurting the host. The size limits are checked when a rule set is
/// validated; the step, time and memory limits while it is evaluated or simulated.
/// </summary>
/// <param name="MaxJsonLength">Characters in a rule set's JSON.</param>
/// <param name="MaxRules">Rules in a rule set.</param>
/// <param name="MaxExpressionLength">Characters in one expression.</param>
/// <param name="MaxNesting">Nested parentheses, brackets and braces in one expression; deeper text could overflow the parser's stack.</param>
/// <param name="MaxNodes">Operations in one parsed expression.</param>
/// <param name="MaxLambdaDepth">Lambdas nested in one another (<c>order.Lines.Any(l => ...)</c> is one), which bounds loops over loops.</param>
/// <param name="MaxStepsPerRule">
/// Steps one rule may take in one evaluation: every element read by a list function (<c>Where</c>, <c>SelectMany</c>,
/// <c>Distinct</c>, <c>Count</c>, <c>string.Concat</c>, ...), every lambda call, every element a list's <c>Contains</c> scans.
/// </param>
/// <param name="MaxStepsPerEvaluation">Steps all the rules of one evaluation (one event, one order's commission, one member's tier) may take together.</param>
/// <param name="MaxEvaluationMilliseconds">Wall-clock time one evaluation may take.</param>
/// <param name="MaxEvaluationAllocatedBytes">Memory one evaluation may allocate.</param>
/// <param name="MaxSimulationSteps">Steps one simulation request may take over all its cases and both versions.</param>
/// <param name="MaxSimulationMilliseconds">Wall-clock time one simulation request may take.</param>
/// <param name="MaxSimulationAllocatedBytes">Memory one simulation request may allocate in total.</param>
/// <param name="MaxValidationMilliseconds">Wall-clock time one validation (parsing and compiling every rule) may take.</param>
/// <param name="MaxFormatLength">Characters in a format string, e.g. <c>order.Total.ToString("N2")</c>.</param>
/// <param name="MaxFormatPrecision">The precision or width a standard format may ask for (<c>"D8"</c>, <c>"F2"</c>, <c>"E3"</c>).</param>
/// <param name="MaxNameLength">Characters in the workflow's name, a rule's name and a text property (event, tier, basis): results and ledgers keep these names.</param>
public sealed record RuleLimits(
    int MaxJsonLength = 256 * 1024,
    int MaxRules = 200,
    int MaxExpressionLength = 1_000,
    int MaxNesting = 12,
    int MaxNodes = 300,
    int MaxLambdaDepth = 2,
    int MaxStepsPerRule = 100_000,
    int MaxStepsPerEvaluation = 1_000_000,
    int MaxEvaluationMilliseconds = 1_000,
    long MaxEvaluationAllocatedBytes = 16 * 1024 * 1024,
    long MaxSimulationSteps = 20_000_000,
    int MaxSimulationMilliseconds = 10_000,
    long MaxSimulationAllocatedBytes = 1024L * 1024 * 1024,
    int MaxValidationMilliseconds = 10_000,
    int MaxFormatLength = 32,
    int MaxFormatPrecision = 30,
    int MaxNameLength = 100);
