using System.ComponentModel.DataAnnotations;

namespace CommunitySaaS.Core.Stripe;

/// <summary>Replaces the brand's Stripe keys; each is checked for Stripe's prefix, and all three must be of one mode (test or live).</summary>
public sealed record PutStripeSettings(
    [property: Required, MinLength(10), MaxLength(255), RegularExpression("^(sk|rk)_(test|live)_[A-Za-z0-9]+$", ErrorMessage = "secretKey must be a Stripe secret or restricted key (sk_test_…, sk_live_…, rk_…).")] string SecretKey,
    [property: Required, MinLength(10), MaxLength(255), RegularExpression("^whsec_[A-Za-z0-9]+$", ErrorMessage = "webhookSecret must be a Stripe webhook signing secret (whsec_…).")] string WebhookSecret,
    [property: Required, MinLength(10), MaxLength(255), RegularExpression("^pk_(test|live)_[A-Za-z0-9]+$", ErrorMessage = "publishableKey must be a Stripe publishable key (pk_test_… or pk_live_…).")] string PublishableKey);

/// <summary>What is shown of the keys: never the keys, only their last four characters.</summary>
public sealed record StripeSettingsView(
    bool Configured, bool LiveMode, string? SecretKeyLast4, string? WebhookSecretLast4, string? PublishableKeyLast4,
    DateTimeOffset? UpdatedAt, DateTimeOffset? CheckedAt, bool? CheckOk);

public sealed record StripeCheckResult(bool Ok, string Message, DateTimeOffset CheckedAt);
