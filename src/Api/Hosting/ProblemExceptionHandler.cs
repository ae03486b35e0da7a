using System.Text.Json;
using CommunitySaaS.Api.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace CommunitySaaS.Api.Hosting;

/// <summary>
/// The one place the unexpected lands. A malformed request (bad JSON, wrong type, too large) is the
/// caller's fault and says where; anything else is a 500 that says only the request id.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted) return false;
        var problem = exception switch
        {
            BadHttpRequestException bad when BindingProblems.From(httpContext, bad) is { } binding => binding,
            BadHttpRequestException bad => BadRequest(bad),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new HttpValidationProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal server error",
                Detail = "Something went wrong on our side. Quote the requestId if you contact support.",
            };
        }
        problem.Instance = httpContext.Request.Path;
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails BadRequest(BadHttpRequestException bad)
    {
        var json = FindJsonException(bad);
        var problem = new HttpValidationProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Malformed request",
            Detail = json is null ? bad.Message : "The request body is not valid JSON for this endpoint.",
        };
        if (json is not null) problem.Errors[json.Path ?? "$"] = [Describe(json)];
        return problem;
    }

    private static JsonException? FindJsonException(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JsonException json) return json;
        }
        return null;
    }

    /// <summary>System.Text.Json's messages name .NET types; keep the useful part without leaking internals.</summary>
    private static string Describe(JsonException json)
    {
        var message = json.Message;
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return "This value has the wrong type or format for this field.";
        }
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.Replace("System.", "", StringComparison.Ordinal).Replace("CommunitySaaS.Core.", "", StringComparison.Ordinal);
    }
}
