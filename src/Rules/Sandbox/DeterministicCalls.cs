using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// Rewrites a checked expression so that it gives the same result on every server: numbers and dates are written
/// and parsed in the invariant culture, dates without an offset are UTC, text is compared and ordered ordinally,
/// and formats that are not constants are checked as they run (<see cref="RuleText"/>, <see cref="RuleDates"/>).
/// </summary>
internal sealed class DeterministicCalls(RuleLimits limits) : ExpressionVisitor
{
    private static readonly ConstantExpression Invariant = Expression.Constant(CultureInfo.InvariantCulture, typeof(IFormatProvider));
    private static readonly ConstantExpression Ordinal = Expression.Constant(StringComparison.Ordinal);
    private static readonly MethodInfo ConcatStrings = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo Text = typeof(RuleText).GetMethod(nameof(RuleText.Text))!;

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var call = (MethodCallExpression)base.VisitMethodCall(node);
        var method = call.Method;
        var arguments = call.Arguments;
        if (method.Name == nameof(ToString) && call.Object is { Type.IsValueType: true } target && typeof(IFormattable).IsAssignableFrom(target.Type))
        {
            return arguments switch
            {
                [] => Expression.Call(typeof(RuleText), nameof(RuleText.Invariant), [target.Type], target),
                [{ Type: var type } format] when type == typeof(string) =>
                    Expression.Call(typeof(RuleText), nameof(RuleText.Format), [target.Type], target, format, Expression.Constant(limits)),
                _ => call,
            };
        }

        if (method.DeclaringType == typeof(string))
        {
            return TextCall(call, method, arguments);
        }

        if (method.DeclaringType == typeof(char) && method.Name is "ToUpper" or "ToLower" && arguments.Count == 1)
        {
            return Expression.Call(typeof(char), method.Name + "Invariant", null, arguments[0]);
        }

        if (method.Name == "Parse" && arguments.Count == 1)
        {
            return method.DeclaringType == typeof(DateTime) ? Expression.Call(typeof(RuleDates), nameof(RuleDates.ParseDateTime), null, arguments[0])
                : method.DeclaringType == typeof(DateTimeOffset) ? Expression.Call(typeof(RuleDates), nameof(RuleDates.ParseDateTimeOffset), null, arguments[0])
                : WithCulture(call);
        }

        if (method.DeclaringType == typeof(Convert) && arguments.Count == 1)
        {
            return WithCulture(call);
        }

        if (method.DeclaringType == typeof(Enumerable) && method.IsGenericMethod && arguments.Count == 2
            && (method.Name.StartsWith("OrderBy", StringComparison.Ordinal) || method.Name.StartsWith("ThenBy", StringComparison.Ordinal))
            && method.GetGenericArguments() is [var source, var key] && key == typeof(string))
        {
            var withComparer = typeof(Enumerable).GetMethods()
                .Single(candidate => candidate.Name == method.Name && candidate.GetParameters().Length == 3)
                .MakeGenericMethod(source, key);
            return Expression.Call(withComparer, arguments[0], arguments[1], Expression.Constant(StringComparer.Ordinal, typeof(IComparer<string>)));
        }

        return call;
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var binary = (BinaryExpression)base.VisitBinary(node);
        return binary.Method is { DeclaringType: var type, Name: nameof(string.Concat) } method && type == typeof(string)
            && method.GetParameters().All(parameter => parameter.ParameterType == typeof(object))
            ? Expression.Call(ConcatStrings, Expression.Call(Text, binary.Left), Expression.Call(Text, binary.Right))
            : binary;
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var unary = (UnaryExpression)base.VisitUnary(node);
        return unary.Method is { Name: "op_Implicit" } && unary.Type == typeof(DateTimeOffset) && unary.Operand.Type == typeof(DateTime)
            ? Expression.Call(typeof(RuleDates), nameof(RuleDates.AsUtc), null, unary.Operand)
            : unary;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        var member = (MemberExpression)base.VisitMember(node);
        return member.Member.Name == "Value" && member.Expression is { } nullable && Nullable.GetUnderlyingType(nullable.Type) is { } value
            ? Expression.Call(typeof(RuleValues), nameof(RuleValues.Required), [value], nullable)
            : member;
    }

    private static MethodCallExpression TextCall(MethodCallExpression call, MethodInfo method, ReadOnlyCollection<Expression> arguments)
    {
        var parameters = method.GetParameters().Select(parameter => parameter.ParameterType).ToArray();
        switch (method.Name)
        {
            case "StartsWith" or "EndsWith" or "IndexOf" or "LastIndexOf" when parameters is [var first, ..] && first == typeof(string)
                && parameters[^1] != typeof(StringComparison):
                return typeof(string).GetMethod(method.Name, [.. parameters, typeof(StringComparison)]) is { } ordinal
                    ? Expression.Call(call.Object, ordinal, [.. arguments, Ordinal])
                    : call;
            case "ToUpper" or "ToLower" when arguments.Count == 0:
                return Expression.Call(call.Object!, method.Name + "Invariant", null);
            case "CompareTo" when arguments.Count == 1 && parameters[0] == typeof(string):
                return Expression.Call(typeof(string), nameof(string.CompareOrdinal), null, call.Object!, arguments[0]);
            case "Compare" when parameters is [var a, var b] && a == typeof(string) && b == typeof(string):
                return Expression.Call(typeof(string), nameof(string.CompareOrdinal), null, arguments[0], arguments[1]);
            case "Concat" when parameters.Length > 0 && parameters.All(parameter => parameter == typeof(object)):
                var texts = arguments.Select(argument => (Expression)Expression.Call(Text, argument)).ToArray();
                return typeof(string).GetMethod(nameof(string.Concat), [.. texts.Select(_ => typeof(string))]) is { } strings
                    ? Expression.Call(strings, texts)
                    : call;
            default:
                return call;
        }
    }

    private static MethodCallExpression WithCulture(MethodCallExpression call)
    {
        var parameters = call.Method.GetParameters().Select(parameter => parameter.ParameterType).ToArray();
        var withCulture = call.Method.DeclaringType!.GetMethod(call.Method.Name, BindingFlags.Public | BindingFlags.Static, [.. parameters, typeof(IFormatProvider)]);
        // Only the exact overload: the binder would also offer (object, IFormatProvider), which means something else.
        return withCulture is not null && withCulture.GetParameters()[0].ParameterType == parameters[0]
            ? Expression.Call(withCulture, [.. call.Arguments, Invariant])
            : call;
    }
}
