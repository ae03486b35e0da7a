using System.Linq.Expressions;

namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// Checks on the arguments of allowed calls: what the member lists cannot say. Text comparisons must be ordinal
/// (culture-aware ones differ between servers), constant formats must stay within <see cref="FormatCheck"/>, and list
/// functions must not order or pick text by the server's culture.
/// </summary>
internal static class CallChecks
{
    public const string ListAsText =
        "Only text, numbers and dates can be joined into text; join a list's text with string.Concat(list.Select(x => x.Sku)).";

    /// <summary>True when an operand of string.Concat or + is a plain value: a list given as object would be written as its type's name.</summary>
    public static bool IsText(Expression operand)
    {
        var inner = operand is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : operand;
        var type = Nullable.GetUnderlyingType(inner.Type) ?? inner.Type;
        return SandboxPolicy.IsValue(type) || type == typeof(string[]) || type == typeof(IEnumerable<string>);
    }

    public static string? Problem(MethodCallExpression node, RuleLimits limits)
    {
        var method = node.Method;
        var parameters = method.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var argument = node.Arguments[i];
            if (parameter.ParameterType == typeof(StringComparison)
                && (argument is not ConstantExpression { Value: StringComparison comparison } || comparison is not (StringComparison.Ordinal or StringComparison.OrdinalIgnoreCase)))
            {
                return "Text comparisons in rules are StringComparison.Ordinal or StringComparison.OrdinalIgnoreCase, written as such: "
                    + "culture-aware comparisons depend on the server's culture settings.";
            }

            if (method.Name == "ToString" && parameter.ParameterType == typeof(string) && argument is ConstantExpression { Value: var format }
                && FormatCheck.Problem(format as string, limits) is { } formatProblem)
            {
                return formatProblem;
            }
        }

        if (method.DeclaringType == typeof(string) && method.Name == "Compare" && parameters.Any(parameter => parameter.ParameterType == typeof(bool)))
        {
            return "string.Compare(a, b, ignoreCase) compares in the server's culture; use string.Compare(a, b, StringComparison.OrdinalIgnoreCase).";
        }

        if (method.DeclaringType == typeof(string) && method.Name == "Concat"
            && ((method.IsGenericMethod && method.GetGenericArguments()[0] != typeof(string)) || node.Arguments.Any(argument => !IsText(argument))))
        {
            return ListAsText;
        }

        if (method.DeclaringType == typeof(Enumerable) && method.Name is "Min" or "Max" && (method.ReturnType == typeof(string) || method.ReturnType == typeof(object)))
        {
            return $"{method.Name} of text compares in the server's culture; use OrderBy(...).First() instead, which compares ordinally.";
        }

        if (method.DeclaringType == typeof(Enumerable) && (method.Name.StartsWith("OrderBy", StringComparison.Ordinal) || method.Name.StartsWith("ThenBy", StringComparison.Ordinal)))
        {
            if (method.IsGenericMethod && method.GetGenericArguments() is [_, var key] && key == typeof(object))
            {
                return $"{method.Name} needs a key of a known type (a number, text or date), not object.";
            }
        }

        return null;
    }
}
