using System.Text.Json.Serialization;
using CommunitySaaS.Api.Tenancy;
using CommunitySaaS.Core;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Api.Hosting;

public static class HostingSetup
{
    /// <summary>The foundation every role needs: roles, database, tenancy, domain events, JSON, errors.</summary>
    public static WebApplicationBuilder AddFoundation(this WebApplicationBuilder builder)
    {
        var roles = HostRoles.From(builder.Configuration);
        builder.Services.AddSingleton(roles);
        builder.Services.AddPersistence(builder.Configuration);
        builder.Services.AddDatabaseMigrator();
        builder.Services.AddTenancy()
            .WithRouteStrategy()
            .WithHostStrategy(builder.Configuration["Tenancy:HostTemplate"])
            .WithPrincipalStrategy();
        builder.Services.AddTenantsFeature();
        builder.Services.AddDemo(builder.Configuration);
        // Registered before anything that touches the database at start: hosted services start in order.
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddDomainEvents(runProcessor: roles.Jobs, builder.Configuration);
        builder.Services.AddHostedService<StartupBanner>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            ResourceJson.Apply(o.SerializerOptions);
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            RequestJson.Apply(o.SerializerOptions);
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCustomization.Apply);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddValidation();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.Services.AddForwardedHeadersFrom(builder.Configuration);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>Forwarded headers first, so that everything after sees the client's address and scheme.</summary>
    public static WebApplication UseFoundation(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestIdMiddleware>();
        return app;
    }
}
