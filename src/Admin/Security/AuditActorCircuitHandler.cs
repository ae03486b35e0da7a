using System.Security.Claims;
using CommunitySaaS.Core.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http;

namespace CommunitySaaS.Admin.Security;

/// <summary>
/// A circuit's DI scope is where the console's pages call Core services, and no request middleware ran in it:
/// name the signed-in user as the scope's actor for the audit log, with the address and request id of the
/// connection that opened the circuit.
/// </summary>
public sealed class AuditActorCircuitHandler(AuthenticationStateProvider authentication, ICurrentActor actor, IHttpContextAccessor? http = null) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) => await BindAsync();

    public async Task BindAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var connection = http?.HttpContext;
        actor.Set(Of(user), connection?.TraceIdentifier, connection?.Connection.RemoteIpAddress?.ToString());
    }

    private static AuditActor Of(ClaimsPrincipal user) =>
        user.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } id
            ? new AuditActor(AuditActor.User, id, user.FindFirst(ClaimTypes.Email)?.Value ?? user.Identity?.Name)
            : new AuditActor(AuditActor.Anonymous, AuditActor.Anonymous);
}
