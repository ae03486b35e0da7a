using CommunitySaaS.Api.Hosting;
using CommunitySaaS.Core.Webhooks;
using Microsoft.AspNetCore.OpenApi;

namespace CommunitySaaS.Api.Webhooks;

public static class WebhooksSetup
{
    /// <summary>Webhook endpoints and deliveries (the worker on Jobs nodes), and the catalogue in the OpenAPI document's <c>webhooks</c>.</summary>
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddWebhooksFeature(builder.Configuration, builder.Environment.IsDevelopment(), HostRoles.From(builder.Configuration).Jobs);
        builder.Services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer<WebhookOpenApi>());
        return builder;
    }
}
