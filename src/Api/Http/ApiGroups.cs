using CommunitySaaS.Api.Security;

namespace CommunitySaaS.Api.Http;

public static class ApiGroups
{
    public const string TenantPrefix = "/api/v1/{tenant}";

    /// <summary>
    /// A feature's group under <c>/api/v1/{tenant}/…</c>: secret key of that tenant by default, rate-limited
    /// per key. The tenancy middleware has already answered 404 for any other tenant's route.
    /// </summary>
    public static RouteGroupBuilder MapTenantGroup(this IEndpointRouteBuilder app, string path, string tag) =>
        app.MapGroup($"{TenantPrefix}/{path}")
            .WithTags(tag)
            .RequireAuthorization(ApiPolicies.SecretKey)
            .RequireRateLimiting(SecuritySetup.PerKeyRateLimit);
}
