using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace CommunitySaaS.Api.Security;

public static class SecuritySetup
{
    public const string PerKeyRateLimit = "per-key";

    public static WebApplicationBuilder AddApiSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(ApiPolicies.Add);

        var permitsPerSecond = builder.Configuration.GetValue("RateLimits:PerKeyPerSecond", 200);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
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
}
