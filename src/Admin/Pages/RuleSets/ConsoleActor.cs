using System.Security.Claims;
using CommunitySaaS.Core.RuleSets;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommunitySaaS.Admin.Pages.RuleSets;

/// <summary>Who made a rule set change, as its history records it: the console user's sign-in name.</summary>
public static class ConsoleActor
{
    public static async Task<string> OfAsync(AuthenticationStateProvider authentication)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var name = user.Identity?.Name ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "console";
        return name.Length <= RuleSetLimits.MaxActorLength ? name : name[..RuleSetLimits.MaxActorLength];
    }
}
