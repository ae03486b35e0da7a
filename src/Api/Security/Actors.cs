namespace CommunitySaaS.Api.Security;

/// <summary>Who made a change, as histories record it: the API key that called (console users name themselves).</summary>
internal static class Actors
{
    public static string Of(HttpContext http) =>
        http.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? "unknown";
}
