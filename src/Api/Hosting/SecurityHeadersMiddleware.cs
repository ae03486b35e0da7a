using CommunitySaaS.Api.Security;

namespace CommunitySaaS.Api.Hosting;

/// <summary>
/// Headers every response gets, set as the response starts so that error pages (whose handler clears the
/// headers) carry them too: <c>nosniff</c> everywhere, and <c>no-store</c> where the endpoint hands out a secret.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (http.GetEndpoint()?.Metadata.GetMetadata<SecretResponseMetadata>() is not null)
            {
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
