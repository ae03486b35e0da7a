using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CommunitySaaS.Api.Security;

/// <summary>
/// Runs the endpoint's authorization policy for callers without a valid credential before the tenant is resolved.
/// Otherwise an unknown brand (404), a suspended one (403, naming itself) and an existing one (401) would answer
/// an anonymous caller differently, and anyone could list the brands. Authenticated callers go on to the tenancy
/// middleware, which answers the same 404 for a brand that does not exist and one they do not belong to.
/// </summary>
public sealed class AnonymousChallengeMiddleware(RequestDelegate next, IAuthorizationPolicyProvider policies)
{
    public async Task InvokeAsync(HttpContext context, IPolicyEvaluator evaluator)
    {
        if (context.User.Identity?.IsAuthenticated != true && context.GetEndpoint() is { } endpoint
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            var policy = await AuthorizationPolicy.CombineAsync(policies,
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            if (policy is not null)
            {
                var authentication = await evaluator.AuthenticateAsync(policy, context);
                var authorization = await evaluator.AuthorizeAsync(policy, authentication, context, endpoint);
                if (authorization.Challenged)
                {
                    await ChallengeAsync(context, policy);
                    return;
                }
            }
        }
        await next(context);
    }

    private static async Task ChallengeAsync(HttpContext context, AuthorizationPolicy policy)
    {
        if (policy.AuthenticationSchemes.Count == 0)
        {
            await context.ChallengeAsync();
            return;
        }
        foreach (var scheme in policy.AuthenticationSchemes) await context.ChallengeAsync(scheme);
    }
}
