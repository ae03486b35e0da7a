using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommunitySaaS.Admin.Tests.Infrastructure;

/// <summary>The signed-in user for a test; the console's real policies then decide what it may see and do.</summary>
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    public void Set(ClaimsPrincipal user)
    {
        _user = user;
        NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
}
