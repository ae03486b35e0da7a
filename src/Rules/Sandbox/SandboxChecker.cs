using System.Linq.Expressions;

namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// Walks a parsed expression tree, the same tree that is compiled, and throws
/// <see cref="SandboxViolationException"/> at the first node the <see cref="SandboxPolicy"/> refuses or
/// when the tree is bigger or loops deeper than <see cref="RuleLimits"/> allow.
/// </summary>
internal sealed class SandboxChecker(SandboxPolicy policy, RuleLimits limits) : ExpressionVisitor
{
    private static readonly HashSet<ExpressionType> AllowedNodes =
    [
        ExpressionType.Add, ExpressionType.AddChecked, ExpressionType.And, ExpressionType.AndAlso, ExpressionType.ArrayIndex,
        ExpressionType.ArrayLength, ExpressionType.Call, ExpressionType.Coalesce, ExpressionType.Conditional, ExpressionType.Constant,
        ExpressionType.Convert, ExpressionType.ConvertChecked, ExpressionType.Default, ExpressionType.Divide, ExpressionType.Equal,
        ExpressionType.ExclusiveOr, ExpressionType.GreaterThan, ExpressionType.GreaterThanOrEqual, ExpressionType.Index,
        ExpressionType.Lambda, ExpressionType.LeftShift, ExpressionType.LessThan, ExpressionType.LessThanOrEqual,
        ExpressionType.MemberAccess, ExpressionType.Modulo, ExpressionType.Multiply, ExpressionType.MultiplyChecked,
        ExpressionType.Negate, ExpressionType.NegateChecked, ExpressionType.New, ExpressionType.NewArrayInit, ExpressionType.Not,
        ExpressionType.NotEqual, ExpressionType.OnesComplement, ExpressionType.Or, ExpressionType.OrElse, ExpressionType.Parameter,
        ExpressionType.Power, ExpressionType.RightShift, ExpressionType.Subtract, ExpressionType.SubtractChecked,
        ExpressionType.TypeAs, ExpressionType.TypeIs, ExpressionType.UnaryPlus,
    ];

    private int _nodes;
    private int _lambdaDepth;

    public void Check(Expression expression) => Visit(expression);

    public override Expression? Visit(Expression? node)
    {
        if (node is null)
        {
            return null;
        }

        if (++_nodes > limits.MaxNodes)
        {
            throw new SandboxViolationException($"The expression has more than {limits.MaxNodes} operations; split it into several rules.");
        }

        if (!AllowedNodes.Contains(node.NodeType))
        {
            throw new SandboxViolationException(SandboxPolicy.NotAvailable($"The construct '{node.NodeType}'"));
        }

        if (!policy.IsAllowedType(node.Type))
        {
            throw new SandboxViolationException(SandboxPolicy.TypeRefusal(node.Type));
        }

        return base.Visit(node);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        if (++_lambdaDepth > limits.MaxLambdaDepth)
        {
            throw new SandboxViolationException(
                $"The expression nests more than {limits.MaxLambdaDepth} loops (lambdas inside lambdas); simplify it.");
        }

        var result = base.VisitLambda(node);
        _lambdaDepth--;
        return result;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        Refuse(policy.RefusalFor(node.Member));
        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        if (method.DeclaringType == typeof(Enumerable) && method.Name is "Range" or "Repeat")
        {
            throw new SandboxViolationException(
                $"Enumerable.{method.Name} generates sequences, which could loop without end; rules may only loop over the inputs' own lists.");
        }

        if (!IsValueObjectMember(node))
        {
            Refuse(policy.RefusalFor(method));
        }

        Refuse(CallChecks.Problem(node, limits));
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitIndex(IndexExpression node)
    {
        if (node.Indexer is not null)
        {
            Refuse(policy.RefusalFor(node.Indexer));
        }

        return base.VisitIndex(node);
    }

    protected override Expression VisitNew(NewExpression node)
    {
        if (node.Constructor is null || SandboxPolicy.InputTypes.Contains(node.Type) || !node.Type.IsValueType)
        {
            throw new SandboxViolationException(
                "Creating objects is not allowed in rules; only dates, times and numbers can be built, e.g. DateOnly(2025, 12, 24).");
        }

        if (node.Type == typeof(DateTimeOffset) && node.Arguments.Count == 1)
        {
            throw new SandboxViolationException(
                "DateTimeOffset(date) takes the server's time zone; give the offset: DateTimeOffset(2025, 12, 24, 0, 0, 0, TimeSpan.Zero).");
        }

        return base.VisitNew(node);
    }

    protected override Expression VisitTypeBinary(TypeBinaryExpression node)
    {
        if (!policy.IsAllowedType(node.TypeOperand))
        {
            throw new SandboxViolationException(SandboxPolicy.TypeRefusal(node.TypeOperand));
        }

        return base.VisitTypeBinary(node);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        if (node.Method is not null)
        {
            Refuse(policy.RefusalFor(node.Method));
            if (node.Method.DeclaringType == typeof(string) && (!CallChecks.IsText(node.Left) || !CallChecks.IsText(node.Right)))
            {
                throw new SandboxViolationException(CallChecks.ListAsText);
            }
        }

        return base.VisitBinary(node);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        if (node.Method is not null)
        {
            Refuse(policy.RefusalFor(node.Method));
        }

        return base.VisitUnary(node);
    }

    // ToString and Equals of a number, date or enum resolve to object's; they are allowed on those values only.
    private static bool IsValueObjectMember(MethodCallExpression node) =>
        node.Method.DeclaringType == typeof(object) && node.Method.Name is "ToString" or "Equals"
        && node.Object is { } target && SandboxPolicy.IsValue(target.Type);

    private static void Refuse(string? refusal)
    {
        if (refusal is not null)
        {
            throw new SandboxViolationException(refusal);
        }
    }
}
