using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>
/// A brand's receiver of events. The signing secret is shown once, at creation or rotation; after a rotation the
/// previous secret keeps signing alongside the new one until <see cref="PreviousSecretExpiresAt"/>, so a receiver can
/// switch without losing a delivery. Both are stored protected (<see cref="WebhookSecrets"/>), never plain.
/// </summary>
[Auditable("webhook_endpoint")]
public sealed class WebhookEndpoint : ITenantOwned
{
    public string Id { get; init; } = Ids.New("whe");
    public string TenantId { get; set; } = "";
    public required string Url { get; set; }

    /// <summary>Subscribed event types, space-separated; <c>*</c> is every type.</summary>
    public required string Events { get; set; }
    public string? Description { get; set; }
    public bool Enabled { get; set; } = true;

    [AuditSecret]
    public required string Secret { get; set; }

    [AuditSecret]
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The first failure of the current run of failures; cleared by any success.</summary>
    [AuditIgnore]
    public DateTimeOffset? FailingSince { get; set; }

    /// <summary>Set when deliveries failed for too long and the endpoint was switched off; cleared when re-enabled.</summary>
    public DateTimeOffset? DisabledForFailuresAt { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Subscribes(string type) => EventList.Any(e => e == WebhookCatalogue.AllEvents || e == type);
}
