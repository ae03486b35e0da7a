using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>Wakes the delivery worker when deliveries were added or a slot freed, so it does not wait for its next poll.</summary>
public sealed class WebhookSignal : WakeSignal;
