namespace CommunitySaaS.Rules.Compilation;

/// <summary>A compiled rule expression over <see cref="RuleInputs"/>.</summary>
/// <param name="Invoke">The compiled delegate.</param>
/// <param name="HasLambdas">True when it loops, so the evaluator must reset the iteration budget first.</param>
internal sealed record CompiledExpression<T>(Func<RuleInputs, T> Invoke, bool HasLambdas);
