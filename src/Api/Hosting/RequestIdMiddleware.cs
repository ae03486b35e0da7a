namespace CommunitySaaS.Api.Hosting;

/// <summary>
/// Echoes the request id (the one every log line of the request carries in its scope, and every problem
/// body in <c>requestId</c>) so a caller can quote it in a support ticket.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers[Header] = context.TraceIdentifier;
        return next(context);
    }
}
