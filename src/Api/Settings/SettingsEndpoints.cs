using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Settings;

public static class SettingsEndpoints
{
    public static IEndpointRouteBuilder MapSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapTenantGroup("settings", "Brand settings");
        group.MapGet("/", Get).WithSummary("The brand's settings: name, currency, time zone, return window");
        group.MapPatch("/", Update).WithSummary("Change the brand's settings; absent fields stay as they are");
        return app;
    }

    private static async Task<Ok<TenantView>> Get(TenantService tenants, CancellationToken ct) =>
        TypedResults.Ok(await tenants.GetCurrentAsync(ct));

    private static async Task<Results<Ok<TenantView>, ValidationProblem>> Update(UpdateTenantSettings body, TenantService tenants, CancellationToken ct) =>
        await tenants.UpdateCurrentAsync(body, ct) switch
        {
            { Status: ServiceStatus.Ok } r => TypedResults.Ok(r.Value!),
            var r => r.Invalid(),
        };
}
