using System.Linq.Expressions;
using CommunitySaaS.Rules.Sandbox;

namespace CommunitySaaS.Rules.Compilation;

/// <summary>
/// Rewrites a checked expression for compilation: each input name becomes a read of
/// <see cref="RuleInputs"/>, and every lambda body first ticks the <see cref="IterationBudget"/>.
/// </summary>
internal sealed class InputBinder(Dictionary<ParameterExpression, Expression> bindings) : ExpressionVisitor
{
    private static readonly Expression Tick = Expression.Call(typeof(IterationBudget), nameof(IterationBudget.Tick), Type.EmptyTypes);

    protected override Expression VisitParameter(ParameterExpression node) =>
        bindings.TryGetValue(node, out var binding) ? binding : node;

    protected override Expression VisitLambda<T>(Expression<T> node) =>
        Expression.Lambda<T>(Expression.Block(Tick, Visit(node.Body)), node.Name, node.TailCall, node.Parameters);
}
