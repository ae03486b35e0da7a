using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Communities;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Persistence;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.ExternalId).HasMaxLength(100);
        b.HasIndex(x => new { x.TenantId, x.ExternalId }).IsUnique();
        b.Property(x => x.KosShareCode).HasMaxLength(64);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.RequestHash).HasMaxLength(64);
        b.HasIndex(x => new { x.TenantId, x.Status });
        b.HasIndex(x => new { x.TenantId, x.MemberId });
        b.HasIndex(x => new { x.TenantId, x.CommunityId });
        b.HasIndex(x => new { x.TenantId, x.PaidAt });
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Community>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Refunds).WithOne().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.RefundedTotal);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.Property(x => x.Sku).HasMaxLength(100);
        b.Property(x => x.Category).HasMaxLength(100);
        b.HasIndex(x => new { x.OrderId, x.LineNumber }).IsUnique();
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.ExternalId).HasMaxLength(100);
        b.HasIndex(x => new { x.TenantId, x.ExternalId }).IsUnique();
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.RequestHash).HasMaxLength(64);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.RefundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Type).HasMaxLength(64);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.Property(x => x.ClaimToken).HasMaxLength(32);
        b.HasIndex(x => x.ProcessedAt);
        b.HasIndex(x => x.ClaimToken);
    }
}
