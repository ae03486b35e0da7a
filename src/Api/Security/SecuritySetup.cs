using System.Threading.RateLimiting;
using CommunitySaaS.Core.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace CommunitySaaS.Api.Security;

public static class SecuritySetup
{
    public const string PerKeyRateLimit = "per-key";

    /// <summary>The throttle of presented keys that fail (unknown, revoked, malformed), per client address.</summary>
    public const string FailedKeyThrottle = "failed-api-keys";

    public static WebApplicationBuilder AddApiSecurity(this WebApplicationBuilder builder)
    {
        PlatformKeyRules.EnsureSafe(builder.Configuration, builder.Environment);
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(ApiPolicies.Add);

        var failuresPerMinute = builder.Configuration.GetValue("RateLimits:FailedKeysPerIpPerMinute", 30);
        builder.Services.AddKeyedSingleton(FailedKeyThrottle, (sp, _) =>
            new FailureThrottle(failuresPerMinute, TimeSpan.FromMinutes(1), sp.GetService<TimeProvider>() ?? TimeProvider.System));

        var permitsPerSecond = builder.Configuration.GetValue("RateLimits:PerKeyPerSecond", 200);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => new ValueTask(TooManyRequests.WriteAsync(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1),
                $"This key sent more than {permitsPerSecond} requests per second (bursts of {permitsPerSecond * 2}); retry after the time in Retry-After."));
            o.AddPolicy(PerKeyRateLimit, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value
                    ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = permitsPerSecond * 2,
                    TokensPerPeriod = permitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    /// <summary>
    /// Authentication, then anonymous callers of protected endpoints are challenged before the tenancy
    /// middleware looks their brand up (see <see cref="AnonymousChallengeMiddleware"/>).
    /// </summary>
    public static WebApplication UseApiAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<AnonymousChallengeMiddleware>();
        return app;
    }
}
