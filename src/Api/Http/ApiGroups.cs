using CommunitySaaS.Api.Security;

namespace CommunitySaaS.Api.Http;

public static class ApiGroups
{
    public const string TenantPrefix = "/api/v1/{tenant}";

    /// <summary>
    /// A feature's group under <c>/api/v1/{tenant}/…</c>: a secret key of that tenant unless another policy is
    /// named (policies on a group and its endpoints all apply, so storefront reads get a group of their own),
    /// rate-limited per key. The tenancy middleware has already answered 404 for any other tenant's route. Those
    /// answers (401 no key, 403 wrong kind of key or a suspended brand, 404 no such brand, 429) are on every operation.
    /// </summary>
    public static RouteGroupBuilder MapTenantGroup(this IEndpointRouteBuilder app, string path, string tag, string policy = ApiPolicies.SecretKey) =>
        app.MapGroup($"{TenantPrefix}/{path}")
            .WithTags(tag)
            .RequireAuthorization(policy)
            .RequireRateLimiting(SecuritySetup.PerKeyRateLimit)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
}
