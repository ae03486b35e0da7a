namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// Checks an expression's text before it reaches the parser: the parser is recursive, so text nested
/// deeply enough overflows the stack and takes the whole process down rather than throwing.
/// </summary>
internal static class ExpressionTextCheck
{
    public static string? Problem(string expression, RuleLimits limits)
    {
        if (expression.Length > limits.MaxExpressionLength)
        {
            return $"The expression is {expression.Length:N0} characters long; the limit is {limits.MaxExpressionLength:N0}. Split it into several rules.";
        }

        var depth = 0;
        var quote = '\0';
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    if (++depth > limits.MaxNesting)
                    {
                        return $"The expression nests brackets more than {limits.MaxNesting} deep; simplify it.";
                    }

                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
            }
        }

        return null;
    }
}
