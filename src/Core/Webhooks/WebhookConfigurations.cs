using CommunitySaaS.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Url).HasMaxLength(WebhookLimits.UrlLength);
        b.Property(x => x.Events).HasMaxLength(WebhookLimits.EventsLength);
        b.Property(x => x.Description).HasMaxLength(WebhookLimits.DescriptionLength);
        // Protected secrets: Data Protection's payload is about 200 characters for a 50-character secret.
        b.Property(x => x.Secret).HasMaxLength(WebhookLimits.ProtectedSecretLength);
        b.Property(x => x.PreviousSecret).HasMaxLength(WebhookLimits.ProtectedSecretLength);
        b.Ignore(x => x.EventList);
        b.HasIndex(x => new { x.TenantId, x.Enabled });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.EndpointId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.EventId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.EventType).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ClaimToken).HasMaxLength(32);
        b.Property(x => x.ResponseBody).HasMaxLength(WebhookLimits.ResponseBodyChars);
        b.Property(x => x.LastError).HasMaxLength(WebhookLimits.ErrorLength);
        // One delivery per event per endpoint: a replayed fan-out writes nothing.
        b.HasIndex(x => new { x.EndpointId, x.EventId }).IsUnique();
        // The claim's "is this the endpoint's oldest pending delivery" probe and the delivery log.
        b.HasIndex(x => new { x.EndpointId, x.Status, x.EventAt });
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
