using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommunitySaaS.Admin.Security;

/// <summary>
/// Checks a policy at the moment of an action, on the server. Pages hide what a role cannot do; this makes
/// sure that an action still refuses if it is reached anyway.
/// </summary>
public sealed class ConsoleAccess(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    public async Task<bool> AllowsAsync(string policy)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }

    public async Task RequireAsync(string policy)
    {
        if (!await AllowsAsync(policy)) throw new UnauthorizedAccessException($"Your role does not allow this ({policy}).");
    }
}
