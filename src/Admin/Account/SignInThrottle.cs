using System.Globalization;
using CommunitySaaS.Core.Common;
using Microsoft.AspNetCore.Http;

namespace CommunitySaaS.Admin.Account;

/// <summary>
/// Failed console sign-ins per client address (<c>RateLimits:FailedSignInsPerIpPer15Minutes</c>, 5 by default). It
/// trips well before an account's own lockout (10 failures), so one address cannot lock someone else out (the
/// platform operator included) with guesses: it is refused first, and the account's count never gets there.
/// </summary>
public sealed class SignInThrottle(FailureThrottle failures)
{
    public const int DefaultLimit = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public TimeSpan? RetryAfter(HttpContext context) => failures.RetryAfter(Client(context));

    public void RecordFailure(HttpContext context) => failures.RecordFailure(Client(context));

    /// <summary>A throttled sign-in answers 429 with <c>Retry-After</c>, like the API.</summary>
    public static void MarkTooManyRequests(HttpContext context, TimeSpan wait)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
