using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.ApiKeys;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CommunitySaaS.Api.Security;

/// <summary>
/// <c>Authorization: Bearer sk_…|pk_…</c>: a tenant's key maps to that tenant and the key's kind; the
/// platform key from configuration maps to the platform operator, who manages tenants and nothing inside them.
/// A client address whose presented keys keep failing is answered 429 for a while, valid key or not, so guessing
/// keys learns nothing more until the window ends.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IConfiguration configuration, ApiKeyService keys, [FromKeyedServices(SecuritySetup.FailedKeyThrottle)] FailureThrottle failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "key_id";
    public const string KeyKindClaim = "key_kind";
    public const string KeyNameClaim = "key_name";
    private const string RetryAfterItem = "csaas.failed-keys.retry-after";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var presented = header["Bearer ".Length..].Trim();
        var client = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (failures.RetryAfter(client) is { } wait)
        {
            Context.Items[RetryAfterItem] = wait;
            return AuthenticateResult.Fail("Too many failed keys from this address.");
        }

        var platformKey = configuration[PlatformKeyRules.Setting];
        if (!string.IsNullOrEmpty(platformKey) && FixedTimeEquals(presented, platformKey))
        {
            return Success(new Claim(TenantClaims.Platform, "true"));
        }
        var identity = ApiKeySecrets.LooksLikeKey(presented) ? await keys.AuthenticateAsync(presented, Context.RequestAborted) : null;
        if (identity is null)
        {
            failures.RecordFailure(client);
            return AuthenticateResult.Fail("The bearer token is not a known, unrevoked API key.");
        }
        return Success(
            new Claim(TenantClaims.TenantId, identity.TenantId),
            new Claim(TenantClaims.TenantSlug, identity.TenantSlug),
            new Claim(KeyIdClaim, identity.KeyId),
            new Claim(KeyKindClaim, identity.Kind.ToString()),
            new Claim(KeyNameClaim, identity.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.Items[RetryAfterItem] is TimeSpan wait
            ? TooManyRequests.WriteAsync(Context, wait, "Too many requests from this address carried an unknown or revoked key; retry after the time in Retry-After.")
            : Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            "Send a valid key of this brand as 'Authorization: Bearer sk_…' (or pk_… for storefront reads).");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden",
            Context.User.HasClaim(KeyKindClaim, nameof(ApiKeyKind.Publishable))
                ? "A publishable key may only read storefront data; use a secret key for this."
                : "This key may not use this endpoint.");

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
