using System.Text.Json;
using System.Text.Json.Nodes;
using CommunitySaaS.Core.Webhooks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommunitySaaS.Api.Webhooks;

/// <summary>
/// Every catalogued event type as an OpenAPI 3.1 webhook: the envelope, its <c>data</c> schema and an example body. The
/// data is a reference to the component the REST operations answer with, so the document shows they are one resource.
/// </summary>
internal sealed class WebhookOpenApi : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var type in WebhookCatalogue.All)
        {
            var data = await ResourceAsync(document, context, type.DataType, cancellationToken);
            var envelope = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "id", "type", "createdAt", "data" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The event's id; the webhook-id header identifies the delivery." },
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type.Name)] },
                    ["createdAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                    ["data"] = data,
                },
            };
            var example = JsonNode.Parse(WebhookPayloads.Body("evt_0193a1b2c3d4e5f60718293a4b5c6d90", type.Name, new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), type.Example));
            document.Webhooks[type.Name] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new()
                    {
                        OperationId = $"webhook-{type.Name}",
                        Summary = type.Description,
                        Description = "Signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature).",
                        RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = envelope, Example = example } },
                        },
                        Responses = new OpenApiResponses { ["2XX"] = new OpenApiResponse { Description = "Received. Any other answer, or none within 10 s, is retried." } },
                    },
                },
            };
        }
        }

    private static async Task<IOpenApiSchema> ResourceAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, Type type, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(type.Name)) document.Components.Schemas[type.Name] = await context.GetOrCreateSchemaAsync(type, null, ct);
        return new OpenApiSchemaReference(type.Name, document);
    }
}
