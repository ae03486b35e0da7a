using System.Security.Claims;

namespace CommunitySaaS.Admin.Security;

/// <summary>How a ledger names a console user as the actor of an entry: "user:" and the sign-in name, as API keys are "ak_…".</summary>
public static class ConsoleActors
{
    public static string Of(ClaimsPrincipal user, int maxLength)
    {
        var actor = "user:" + (user.Identity?.Name ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "console");
        return actor.Length <= maxLength ? actor : actor[..maxLength];
    }
}
