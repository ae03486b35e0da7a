using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Points;

internal sealed class LoyaltyPolicyConfiguration : IEntityTypeConfiguration<LoyaltyPolicy>
{
    public void Configure(EntityTypeBuilder<LoyaltyPolicy> b)
    {
        b.HasKey(x => x.TenantId);
        b.Property(x => x.ExpiryMode).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ReturnPolicy).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.UpdatedBy).HasMaxLength(PointsLimits.MaxActorLength);
    }
}
