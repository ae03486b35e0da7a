using System.ComponentModel.DataAnnotations;

namespace CommunitySaaS.Core.Webhooks;

public sealed record CreateWebhookEndpoint(
    [property: Required, MaxLength(WebhookLimits.UrlLength)] string Url,
    [property: Required, MinLength(1), MaxLength(50)] IReadOnlyList<string> Events,
    [property: MaxLength(WebhookLimits.DescriptionLength)] string? Description = null,
    bool? Enabled = null);

/// <summary>A partial change: a field left out (null) keeps its value.</summary>
public sealed record UpdateWebhookEndpoint(
    [property: MaxLength(WebhookLimits.UrlLength)] string? Url = null,
    [property: MinLength(1), MaxLength(50)] IReadOnlyList<string>? Events = null,
    [property: MaxLength(WebhookLimits.DescriptionLength)] string? Description = null,
    bool? Enabled = null);

/// <summary>How long the old secret keeps signing next to the new one: whole hours, 0 to 168, default 24.</summary>
public sealed record RotateWebhookSecret([property: Range(0, 168)] int? OverlapHours = null);

public sealed record WebhookEndpointView(
    string Id, string Url, IReadOnlyList<string> Events, string? Description, bool Enabled, DateTimeOffset? DisabledForFailuresAt,
    DateTimeOffset? FailingSince, DateTimeOffset? PreviousSecretExpiresAt, DateTimeOffset CreatedAt);

/// <summary>The only answers that carry the signing secret: creation and rotation.</summary>
public sealed record CreatedWebhookEndpoint(WebhookEndpointView Endpoint, string Secret);

public sealed record RotatedWebhookSecret(WebhookEndpointView Endpoint, string Secret, DateTimeOffset? PreviousSecretExpiresAt);

public sealed record WebhookDeliveryView(
    string Id, string EventId, string EventType, WebhookDeliveryStatus Status, int Attempts, int? ResponseStatus, string? ResponseBody,
    int? LatencyMs, string? LastError, DateTimeOffset EventAt, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt);

public sealed record WebhookEventTypeView(string Name, string Description);
