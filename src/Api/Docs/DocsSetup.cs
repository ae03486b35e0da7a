using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CommunitySaaS.Api.Docs;

public static class DocsSetup
{
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "CommunitySaaS API",
                Version = "v1",
                Description = "Tenant-scoped REST for storefronts and brand back offices. Authenticate with `Authorization: Bearer sk_…`.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "A secret (sk_…) or publishable (pk_…) key of the brand in the path.",
            };
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and a browsable reference at <c>/docs</c>.</summary>
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", o => o.WithTitle("CommunitySaaS API"));
        return app;
    }
}
