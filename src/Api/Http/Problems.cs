namespace CommunitySaaS.Api.Http;

/// <summary>Writes an RFC 9457 problem from middleware, where there is no endpoint result to return.</summary>
public static class Problems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, string? type = null)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService
            ?? throw new InvalidOperationException("AddProblemDetails() is required.");
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Type = type, Status = status, Title = title, Detail = detail, Instance = context.Request.Path },
        });
    }
}
