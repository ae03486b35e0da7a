using System.Linq.Expressions;
using System.Reflection;

namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// Rewrites a checked expression so that its work is counted by the <see cref="EvaluationBudget"/>: every lambda
/// body first ticks, every sequence passed to a function (a list function, <c>string.Concat</c>, a plugin) is
/// wrapped in a <see cref="CountedSequence"/> that ticks per element read, and a collection whose own
/// <c>Contains</c>/<c>IndexOf</c> scans it is charged its length.
/// </summary>
internal sealed class StepCounting : ExpressionVisitor
{
    private static readonly Expression Tick = Expression.Call(typeof(EvaluationBudget), nameof(EvaluationBudget.Tick), Type.EmptyTypes);
    private static readonly MethodInfo Counted = typeof(CountedSequence).GetMethod(nameof(CountedSequence.Of))!;
    private static readonly MethodInfo Scanned = typeof(CountedSequence).GetMethod(nameof(CountedSequence.Scanned))!;

    /// <summary>True once the expression has anything that ticks: the evaluator then gives it a step budget.</summary>
    public bool Counts { get; private set; }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        Counts = true;
        return Expression.Lambda<T>(Expression.Block(Tick, Visit(node.Body)), node.Name, node.TailCall, node.Parameters);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var target = Visit(node.Object);
        var parameters = node.Method.GetParameters();
        var arguments = new Expression[node.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = Visit(node.Arguments[i]);
            arguments[i] = SequenceElement(parameters[i].ParameterType) is { } element && !IsOrdered(argument.Type)
                ? Count(Expression.Call(Counted.MakeGenericMethod(element), argument))
                : argument;
        }

        if (target is not null && node.Method.Name is "Contains" or "IndexOf" or "LastIndexOf" && target.Type != typeof(string) && !target.Type.IsValueType)
        {
            target = Count(Expression.Call(Scanned.MakeGenericMethod(target.Type), target));
        }

        return node.Update(target, arguments);
    }

    private Expression Count(Expression counted)
    {
        Counts = true;
        return counted;
    }

    private static Type? SequenceElement(Type parameter) =>
        parameter.IsGenericType && parameter.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? parameter.GetGenericArguments()[0] : null;

    // ThenBy's source is OrderBy's result, whose elements were counted going into OrderBy; wrapping it would hide the ordering.
    private static bool IsOrdered(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IOrderedEnumerable<>);
}
