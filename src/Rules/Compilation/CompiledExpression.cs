namespace CommunitySaaS.Rules.Compilation;

/// <summary>A compiled rule expression over <see cref="RuleInputs"/>.</summary>
/// <param name="Invoke">The compiled delegate.</param>
/// <param name="CountsSteps">True when it loops or reads lists, so the evaluator must give it a fresh per-rule step budget.</param>
internal sealed record CompiledExpression<T>(Func<RuleInputs, T> Invoke, bool CountsSteps);
