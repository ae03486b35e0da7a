using CommunitySaaS.Core.Audit;

namespace CommunitySaaS.Api.Audit;

public static class AuditSetup
{
    public static WebApplicationBuilder AddAuditLog(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuditFeature();
        return builder;
    }

    /// <summary>After authentication and tenancy, so the actor is known; before anything that writes.</summary>
    public static WebApplication UseAuditActor(this WebApplication app)
    {
        app.UseMiddleware<AuditActorMiddleware>();
        return app;
    }
}
