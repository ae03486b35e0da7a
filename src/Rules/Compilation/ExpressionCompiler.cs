using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using CommunitySaaS.Rules.Definitions;
using CommunitySaaS.Rules.Sandbox;
using FastExpressionCompiler;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace CommunitySaaS.Rules.Compilation;

/// <summary>
/// Turns one expression into a delegate: a text check that protects the parser, RulesEngine's
/// expression parser with <c>CustomTypes</c> limited to the enabled plugins (and
/// <c>AutoRegisterInputType</c> off), the <see cref="SandboxChecker"/> over the parsed tree, then
/// <see cref="DeterministicCalls"/> and <see cref="StepCounting"/> over the checked tree, then input binding and
/// FastExpressionCompiler, as RulesEngine itself compiles.
/// </summary>
internal sealed class ExpressionCompiler(
    RuleLimits limits, SandboxPolicy policy, IReadOnlyCollection<Type> pluginTypes, PluginHints hints, TimeProvider time)
{
    private static readonly ParameterExpression Inputs = Expression.Parameter(typeof(RuleInputs), "inputs");
    private static readonly RuleInputs Nothing = new(DateTimeOffset.UnixEpoch);

    private readonly RuleExpressionParser _parser = new(new ReSettings
    {
        CustomTypes = [.. SandboxPolicy.NamedTypes, .. pluginTypes],
        AutoRegisterInputType = false,
        IsExpressionCaseSensitive = false,
    });

    public CompiledExpression<bool>? Condition(string text, Site site, bool kosIsUpline) =>
        Compile<bool>(text, site, kosIsUpline, body => body.Type == typeof(bool)
            ? body
            : Fail(site, text, $"The expression must be a condition (true or false), e.g. \"order.Total >= 100\"; this one gives {SandboxPolicy.Friendly(body.Type)}."));

    public CompiledExpression<decimal>? Number(string text, Site site, bool kosIsUpline) =>
        Compile<decimal>(text, site, kosIsUpline, body => SandboxPolicy.IsNumeric(body.Type)
            ? Expression.Convert(body, typeof(decimal))
            : Fail(site, text, $"The output must be a number, e.g. \"order.Total\" or \"10\"; this one gives {SandboxPolicy.Friendly(body.Type)}."
                + (Nullable.GetUnderlyingType(body.Type) is not null ? " Give a default for a missing value with ?? 0." : "")));

    public CompiledExpression<object?>? Value(string text, Site site, bool kosIsUpline) =>
        Compile<object?>(text, site, kosIsUpline, body => Expression.Convert(body, typeof(object)));

    private CompiledExpression<T>? Compile<T>(string text, Site site, bool kosIsUpline, Func<Expression, Expression?> shape)
    {
        var problem = ExpressionTextCheck.Problem(text, limits);
        if (problem is not null)
        {
            return Fail<CompiledExpression<T>>(site, text, problem);
        }

        Expression parsed;
        try
        {
            parsed = _parser.Parse(text, InputParameters.All, null!);
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or InsufficientExecutionStackException))
        {
            // The parser reports some mistakes (e.g. "order?.Total") with exceptions other than ParseException; all are the rule's mistake.
            return Fail<CompiledExpression<T>>(site, text, hints.Explain(exception));
        }

        var checker = new SandboxChecker(policy, limits);
        try
        {
            checker.Check(parsed);
        }
        catch (SandboxViolationException violation)
        {
            return Fail<CompiledExpression<T>>(site, text, violation.Message);
        }

        var body = shape(parsed);
        if (body is null)
        {
            return null;
        }

        try
        {
            var counting = new StepCounting();
            var counted = counting.Visit(new DeterministicCalls(limits).Visit(body));
            var bound = new InputBinder(InputParameters.Bindings(Inputs, kosIsUpline)).Visit(counted);
            var lambda = Expression.Lambda<Func<RuleInputs, T>>(bound, Inputs);
            return new CompiledExpression<T>(Warm(lambda.CompileFast()), counting.Counts);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            // A construct the checks let through but the compiler cannot build: the rule's problem, not the server's.
            return Fail<CompiledExpression<T>>(site, text, $"The expression could not be compiled: {exception.Message}");
        }
    }

    // The first call of a compiled delegate JITs it; calling it once here, on inputs that are all missing, keeps that
    // cost out of the first evaluation's time budget. Whatever it throws is what a missing input throws.
    private Func<RuleInputs, T> Warm<T>(Func<RuleInputs, T> invoke)
    {
        var budget = EvaluationBudget.Begin(limits, time);
        try
        {
            invoke(Nothing);
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or InsufficientExecutionStackException))
        {
        }
        finally
        {
            budget.End();
        }

        return invoke;
    }

    private static Expression? Fail(Site site, string text, string message) => Fail<Expression>(site, text, message);

    private static TResult? Fail<TResult>(Site site, string text, string message)
        where TResult : class
    {
        site.Errors.Add(site.Path, message, site.Rule, text);
        return null;
    }
}

/// <summary>Where an expression sits, for error messages.</summary>
internal sealed record Site(ErrorList Errors, string Path, string Rule);
