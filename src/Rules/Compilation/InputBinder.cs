using System.Linq.Expressions;

namespace CommunitySaaS.Rules.Compilation;

/// <summary>Rewrites a checked expression for compilation: each input name becomes a read of <see cref="RuleInputs"/>.</summary>
internal sealed class InputBinder(Dictionary<ParameterExpression, Expression> bindings) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) =>
        bindings.TryGetValue(node, out var binding) ? binding : node;
}
