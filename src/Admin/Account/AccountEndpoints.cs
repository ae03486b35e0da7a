using CommunitySaaS.Core.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace CommunitySaaS.Admin.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out is an antiforgery-checked form POST (a link could be triggered by another site), then back to sign-in.</summary>
    public static IEndpointRouteBuilder MapConsoleAccount(this IEndpointRouteBuilder app)
    {
        app.MapPost(ConsoleRoutes.Logout, async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(ConsoleRoutes.Login);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }
}
