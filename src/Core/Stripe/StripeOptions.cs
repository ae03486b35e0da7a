namespace CommunitySaaS.Core.Stripe;

/// <summary>The <c>Stripe</c> section. <see cref="ApiBase"/> is Stripe's by default; tests and the bench point it at a local fake.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>Stripe's own default tolerance for a webhook's signed timestamp.</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;

    public int TimeoutSeconds { get; set; } = 20;
}
