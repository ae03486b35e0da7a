using CommunitySaaS.Api.Http;
using CommunitySaaS.Api.Security;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Plugins;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Plugins;

/// <summary><c>/api/v1/{tenant}/plugins</c>: the host's rule plugins and which of them this brand's rules may use.</summary>
public static class PluginEndpoints
{
    public static IEndpointRouteBuilder MapPluginEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapTenantGroup("plugins", "Plugins");
        group.MapGet("/", List).WithSummary("The plugins available, with their functions and actions, and whether this brand enabled each");
        group.MapPut("/{name}", Enable).WithSummary("Let this brand's rules use a plugin");
        group.MapDelete("/{name}", Disable).WithSummary("Stop this brand's rules using a plugin (refused while an active rule set calls it)");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<TenantPluginView>>> List(TenantPluginService plugins, CancellationToken ct) =>
        TypedResults.Ok(await plugins.ListAsync(ct));

    private static async Task<Results<Ok<TenantPluginView>, NotFoundProblem>> Enable(string name, TenantPluginService plugins, HttpContext http, CancellationToken ct) =>
        await plugins.EnableAsync(name, Actors.Of(http), ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.NotFound(),
        };

    private static async Task<Results<Ok<TenantPluginView>, NotFoundProblem, ConflictProblem>> Disable(string name, TenantPluginService plugins, CancellationToken ct) =>
        await plugins.DisableAsync(name, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            { Status: ServiceStatus.NotFound } r => r.NotFound(),
            var r => r.Conflict(),
        };
}
