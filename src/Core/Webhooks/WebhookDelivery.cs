using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Webhooks;

public enum WebhookDeliveryStatus { Pending, Delivered, Failed }

/// <summary>
/// One event for one endpoint. The id is the <c>webhook-id</c> a receiver deduplicates by, the same on every retry.
/// Pending rows of one endpoint go out one at a time, oldest event first; a claim holds a row through
/// <see cref="ClaimToken"/> until <see cref="LockedUntil"/>.
/// </summary>
public sealed class WebhookDelivery : ITenantOwned
{
    public string Id { get; init; } = Ids.New("msg");
    public string TenantId { get; set; } = "";
    public required string EndpointId { get; init; }
    public required string EventId { get; init; }
    public required string EventType { get; init; }

    /// <summary>The exact body sent, <c>{ id, type, createdAt, data }</c>, so every attempt signs the same bytes.</summary>
    public required string Payload { get; init; }
    public DateTimeOffset EventAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public WebhookDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public string? ClaimToken { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? ResponseStatus { get; set; }

    /// <summary>The first <see cref="WebhookLimits.ResponseBodyChars"/> characters of the receiver's last answer.</summary>
    public string? ResponseBody { get; set; }
    public int? LatencyMs { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}

public static class WebhookLimits
{
    public const int UrlLength = 2000;
    public const int EventsLength = 2000;
    public const int DescriptionLength = 500;
    public const int ResponseBodyChars = 1024;
    public const int ErrorLength = 500;
    public const int ProtectedSecretLength = 1000;
}
