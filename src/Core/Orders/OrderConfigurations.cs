using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Communities;
using CommunitySaaS.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Orders;

// The CHECK constraints are the backstop behind the conditional updates: even a write that skipped the service
// cannot refund more than was paid. Double-quoted names work on SQLite, PostgreSQL and SQL Server alike.
internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Orders_Refunded", "\"RefundedMinor\" >= 0 AND \"RefundedMinor\" <= \"TotalMinor\"");
            t.HasCheckConstraint("CK_Orders_ShippingRefunded", "\"ShippingRefundedMinor\" >= 0 AND \"ShippingRefundedMinor\" <= \"ShippingMinor\"");
            t.HasCheckConstraint("CK_Orders_Amounts", "\"TotalMinor\" >= 0 AND \"ShippingMinor\" >= 0 AND \"DiscountMinor\" >= 0");
        });
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.ExternalId).HasMaxLength(100);
        b.HasIndex(x => new { x.TenantId, x.ExternalId }).IsUnique();
        b.Property(x => x.KosShareCode).HasMaxLength(64);
        b.Property(x => x.AttributedKosId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.FulfillmentStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RefundStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RequestHash).HasMaxLength(64);
        b.HasIndex(x => new { x.TenantId, x.FulfillmentStatus });
        b.HasIndex(x => new { x.TenantId, x.RefundStatus });
        b.HasIndex(x => new { x.TenantId, x.MemberId });
        b.HasIndex(x => new { x.TenantId, x.CommunityId });
        b.HasIndex(x => new { x.TenantId, x.PaidAt });
        b.HasIndex(x => new { x.TenantId, x.TotalMinor });
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Community>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Refunds).WithOne().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_OrderLines_Refunded", "\"RefundedMinor\" >= 0 AND \"RefundedMinor\" <= \"PaidMinor\"");
            t.HasCheckConstraint("CK_OrderLines_RefundedQuantity", "\"RefundedQuantity\" >= 0 AND \"RefundedQuantity\" <= \"Quantity\"");
            t.HasCheckConstraint("CK_OrderLines_Paid", "\"PaidMinor\" >= 0 AND \"PaidMinor\" <= \"GrossMinor\"");
        });
        b.Property(x => x.Sku).HasMaxLength(100);
        b.Property(x => x.Category).HasMaxLength(100);
        b.HasIndex(x => new { x.OrderId, x.LineNumber }).IsUnique();
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> b)
    {
        b.ToTable(t => t.HasCheckConstraint("CK_Refunds_Amount", "\"AmountMinor\" > 0 AND \"ShippingMinor\" >= 0 AND \"ShippingMinor\" <= \"AmountMinor\""));
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.ExternalId).HasMaxLength(100);
        b.HasIndex(x => new { x.TenantId, x.ExternalId }).IsUnique();
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.RequestHash).HasMaxLength(64);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.RefundId).OnDelete(DeleteBehavior.Cascade);
    }
}
