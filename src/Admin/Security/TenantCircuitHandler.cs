using CommunitySaaS.Core.Tenancy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CommunitySaaS.Admin.Security;

/// <summary>
/// An interactive circuit has its own DI scope, which the request's tenancy middleware never saw: bind
/// the circuit to the signed-in user's brand before any page renders, so every service in it is tenant-filtered.
/// </summary>
internal sealed class TenantCircuitHandler(AuthenticationStateProvider authentication, ITenantStore tenants, ITenantContext context) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var tenantId = user.FindFirst(TenantClaims.TenantId)?.Value;
        if (tenantId is null) return;
        var tenant = await tenants.FindByIdAsync(tenantId, cancellationToken);
        if (tenant is { IsActive: true }) context.Set(tenant);
    }
}
