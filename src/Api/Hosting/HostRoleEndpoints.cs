namespace CommunitySaaS.Api.Hosting;

public static class HostRoleEndpoints
{
    /// <summary>
    /// Maps the REST API (everything under <c>/api</c>, with its OpenAPI document and reference) only on a node with
    /// the <c>Api</c> role: a Jobs-only or console-only node answers 404 there, and its health endpoints stay.
    /// </summary>
    public static WebApplication MapApiRole(this WebApplication app, Action<IEndpointRouteBuilder> map)
    {
        if (app.Services.GetRequiredService<HostRoles>().Api) map(app);
        return app;
    }
}
