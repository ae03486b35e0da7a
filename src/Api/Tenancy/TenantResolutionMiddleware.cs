using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Api.Tenancy;

/// <summary>
/// Resolves the request's tenant. A tenant that does not exist and a tenant the principal does not
/// belong to answer the same 404, so a caller cannot learn that another brand exists.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, IEnumerable<ITenantResolutionStrategy> strategies)
{
    public async Task InvokeAsync(HttpContext context, ITenantStore store, ITenantContext tenantContext)
    {
        var identifier = strategies.Select(s => s.GetIdentifier(context)).FirstOrDefault(id => !string.IsNullOrEmpty(id));
        if (identifier is null)
        {
            await next(context);
            return;
        }

        var tenant = await store.FindByIdentifierAsync(identifier, context.RequestAborted);
        var principalTenant = context.User.FindFirst(TenantClaims.TenantId)?.Value;
        var authenticated = context.User.Identity?.IsAuthenticated == true;
        if (tenant is null || (authenticated && principalTenant != tenant.Id))
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Tenant not found",
                $"There is no brand '{identifier}' that these credentials can reach.");
            return;
        }
        if (!tenant.IsActive)
        {
            await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Tenant suspended",
                $"The brand '{identifier}' is suspended; its API is unavailable until it is reactivated.");
            return;
        }

        tenantContext.Set(tenant);
        await next(context);
    }
}
