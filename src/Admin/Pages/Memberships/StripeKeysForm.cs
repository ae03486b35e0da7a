using CommunitySaaS.Core.Stripe;

namespace CommunitySaaS.Admin.Pages.Memberships;

/// <summary>The editable shape of <see cref="PutStripeSettings"/>: always empty at first, since stored keys are never shown.</summary>
public sealed class StripeKeysForm
{
    public string? SecretKey { get; set; }
    public string? WebhookSecret { get; set; }
    public string? PublishableKey { get; set; }

    public PutStripeSettings ToCommand() => new(SecretKey?.Trim() ?? "", WebhookSecret?.Trim() ?? "", PublishableKey?.Trim() ?? "");
}
