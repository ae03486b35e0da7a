using System.Globalization;
using CommunitySaaS.Api.Http;

namespace CommunitySaaS.Api.Security;

/// <summary>Every 429 says when to come back (<c>Retry-After</c>, whole seconds, at least one) and why, as problem+json.</summary>
public static class TooManyRequests
{
    public static Task WriteAsync(HttpContext context, TimeSpan retryAfter, string detail)
    {
        context.Response.Headers.RetryAfter = Seconds(retryAfter).ToString(CultureInfo.InvariantCulture);
        return Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests", detail);
    }

    public static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
}
