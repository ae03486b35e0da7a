using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Stripe;

/// <summary>
/// A brand's Stripe account: the keys encrypted with Data Protection (key ring in the database), and only their last
/// four characters in the clear, for the console to tell keys apart. One row per brand.
/// </summary>
[Auditable("stripe_settings", Created = "stripe_settings.saved", Updated = "stripe_settings.saved")]
public sealed class StripeSettings : ITenantOwned
{
    public string TenantId { get; set; } = "";
    [AuditSecret] public string SecretKeyCipher { get; set; } = "";
    [AuditSecret] public string WebhookSecretCipher { get; set; } = "";
    [AuditSecret] public string PublishableKeyCipher { get; set; } = "";
    public string SecretKeyLast4 { get; set; } = "";
    public string WebhookSecretLast4 { get; set; } = "";
    public string PublishableKeyLast4 { get; set; } = "";
    public bool LiveMode { get; set; }
    [AuditIgnore] public DateTimeOffset UpdatedAt { get; set; }
    [AuditIgnore] public DateTimeOffset? CheckedAt { get; set; }
    [AuditIgnore] public bool? CheckOk { get; set; }
}

internal sealed class StripeSettingsConfiguration : IEntityTypeConfiguration<StripeSettings>
{
    public void Configure(EntityTypeBuilder<StripeSettings> b)
    {
        b.ToTable("StripeSettings");
        b.HasKey(x => x.TenantId);
        b.Property(x => x.SecretKeyCipher).HasMaxLength(2000);
        b.Property(x => x.WebhookSecretCipher).HasMaxLength(2000);
        b.Property(x => x.PublishableKeyCipher).HasMaxLength(2000);
        b.Property(x => x.SecretKeyLast4).HasMaxLength(4);
        b.Property(x => x.WebhookSecretLast4).HasMaxLength(4);
        b.Property(x => x.PublishableKeyLast4).HasMaxLength(4);
    }
}
