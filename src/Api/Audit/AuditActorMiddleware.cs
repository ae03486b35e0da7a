using System.Security.Claims;
using CommunitySaaS.Api.Security;
using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Api.Audit;

/// <summary>
/// Tells the request's scope who acts, for the audit log: the API key (id and name), the platform operator, or a
/// signed-in console user; with the request id and the client address (forwarded headers already applied).
/// </summary>
public sealed class AuditActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, ICurrentActor current)
    {
        current.Set(Of(context.User), context.TraceIdentifier, context.Connection.RemoteIpAddress?.ToString());
        return next(context);
    }

    internal static AuditActor Of(ClaimsPrincipal user)
    {
        if (user.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } keyId)
        {
            return new AuditActor(AuditActor.ApiKey, keyId, user.FindFirst(ApiKeyAuthenticationHandler.KeyNameClaim)?.Value);
        }
        if (user.HasClaim(TenantClaims.Platform, "true")) return new AuditActor(AuditActor.Platform, AuditActor.Platform, "platform key");
        if (user.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } userId)
        {
            return new AuditActor(AuditActor.User, userId, user.FindFirst(ClaimTypes.Email)?.Value ?? user.Identity?.Name);
        }
        return new AuditActor(AuditActor.Anonymous, AuditActor.Anonymous);
    }
}
