using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Rewards;

internal sealed class RewardConfiguration : IEntityTypeConfiguration<Reward>
{
    public void Configure(EntityTypeBuilder<Reward> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Code).HasMaxLength(RewardLimits.MaxCodeLength);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
        // Behind the conditional update: stock can never be taken below zero, whoever writes.
        b.ToTable(t => t.HasCheckConstraint("CK_Rewards_Remaining", "\"Remaining\" IS NULL OR \"Remaining\" >= 0"));
    }
}

internal sealed class RewardCodeConfiguration : IEntityTypeConfiguration<RewardCode>
{
    public void Configure(EntityTypeBuilder<RewardCode> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.RewardId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Code).HasMaxLength(RewardLimits.MaxCouponLength);
        b.Property(x => x.RedemptionId).HasMaxLength(Ids.MaxLength);
        // A code is in a brand's pools once, so it can be handed out at most once.
        b.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
        b.HasIndex(x => new { x.RewardId, x.RedemptionId });
        b.HasOne<Reward>().WithMany().HasForeignKey(x => x.RewardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.MemberId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.RewardId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Actor).HasMaxLength(100);
        b.HasIndex(x => new { x.TenantId, x.MemberId, x.Id });
        b.HasIndex(x => new { x.RewardId, x.MemberId, x.Status });
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Reward>().WithMany().HasForeignKey(x => x.RewardId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class RewardLimits
{
    public const int MaxCodeLength = 64;
    public const int MaxCouponLength = 100;
    public const int MaxCodesPerUpload = 10_000;
    public const int MaxQuantity = 100;
}
