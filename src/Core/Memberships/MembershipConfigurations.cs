using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Memberships;

public static class MembershipLimits
{
    public const int MaxStripeIdLength = 255;
    public const int MaxStatusLength = 32;
    public const int MaxGraceDays = 90;
    /// <summary>Stripe's own limit on a webhook payload is far below this; a larger body is not Stripe's.</summary>
    public const int MaxWebhookBodyBytes = 512 * 1024;
}

internal sealed class PaidTierConfiguration : IEntityTypeConfiguration<PaidTier>
{
    public void Configure(EntityTypeBuilder<PaidTier> b)
    {
        b.ToTable("PaidTiers");
        b.HasKey(x => new { x.TenantId, x.TierCode });
        b.Property(x => x.TierCode).HasMaxLength(TierLimits.MaxCodeLength);
        b.Property(x => x.MonthlyPriceId).HasMaxLength(MembershipLimits.MaxStripeIdLength);
        b.Property(x => x.YearlyPriceId).HasMaxLength(MembershipLimits.MaxStripeIdLength);
    }
}

internal sealed class MembershipSettingsConfiguration : IEntityTypeConfiguration<MembershipSettings>
{
    public void Configure(EntityTypeBuilder<MembershipSettings> b)
    {
        b.ToTable("MembershipSettings");
        b.HasKey(x => x.TenantId);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.ToTable("Memberships");
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.SubscriptionId).HasMaxLength(MembershipLimits.MaxStripeIdLength);
        b.Property(x => x.MemberId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.CustomerId).HasMaxLength(MembershipLimits.MaxStripeIdLength);
        b.Property(x => x.TierCode).HasMaxLength(TierLimits.MaxCodeLength);
        b.Property(x => x.PriceId).HasMaxLength(MembershipLimits.MaxStripeIdLength);
        b.Property(x => x.Period).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasMaxLength(MembershipLimits.MaxStatusLength);
        b.Property(x => x.LastEventId).HasMaxLength(MembershipLimits.MaxStripeIdLength);
        // One row per subscription: concurrent first syncs of one subscription insert it once.
        b.HasIndex(x => new { x.TenantId, x.SubscriptionId }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.MemberId });
        b.HasIndex(x => new { x.TenantId, x.GrantedUntil });
    }
}

internal sealed class StripeCustomerConfiguration : IEntityTypeConfiguration<StripeCustomer>
{
    public void Configure(EntityTypeBuilder<StripeCustomer> b)
    {
        b.ToTable("StripeCustomers");
        b.HasKey(x => x.MemberId);
        b.Property(x => x.MemberId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.CustomerId).HasMaxLength(MembershipLimits.MaxStripeIdLength);
        b.HasIndex(x => new { x.TenantId, x.CustomerId }).IsUnique();
        b.HasOne<Member>().WithOne().HasForeignKey<StripeCustomer>(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MembershipPaymentConfiguration : IEntityTypeConfiguration<MembershipPayment>
{
    public void Configure(EntityTypeBuilder<MembershipPayment> b)
    {
        b.ToTable("MembershipPayments");
        b.HasKey(x => new { x.TenantId, x.InvoiceId });
        b.Property(x => x.InvoiceId).HasMaxLength(MembershipLimits.MaxStripeIdLength);
        b.Property(x => x.SubscriptionId).HasMaxLength(MembershipLimits.MaxStripeIdLength);
        b.Property(x => x.MemberId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.ChargeId).HasMaxLength(MembershipLimits.MaxStripeIdLength);
        b.Property(x => x.PaymentIntentId).HasMaxLength(MembershipLimits.MaxStripeIdLength);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasIndex(x => new { x.TenantId, x.ChargeId });
        b.HasIndex(x => new { x.TenantId, x.PaymentIntentId });
    }
}

internal sealed class StripeWebhookEventConfiguration : IEntityTypeConfiguration<StripeWebhookEvent>
{
    public void Configure(EntityTypeBuilder<StripeWebhookEvent> b)
    {
        b.ToTable("StripeWebhookEvents");
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.EventId).HasMaxLength(MembershipLimits.MaxStripeIdLength);
        b.Property(x => x.Type).HasMaxLength(100);
        b.Property(x => x.ObjectId).HasMaxLength(MembershipLimits.MaxStripeIdLength);
        b.Property(x => x.OutboxEventId).HasMaxLength(Ids.MaxLength);
        // Stripe delivers an event at least once: its id, unique per brand, makes every later delivery a no-op.
        b.HasIndex(x => new { x.TenantId, x.EventId }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.Id });
    }
}
