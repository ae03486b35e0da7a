using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommunitySaaS.Core.Points;

internal sealed class LoyaltyPolicyConfiguration : IEntityTypeConfiguration<LoyaltyPolicy>
{
    public void Configure(EntityTypeBuilder<LoyaltyPolicy> b)
    {
        b.HasKey(x => x.TenantId);
        b.Property(x => x.ExpiryMode).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ReturnPolicy).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.UpdatedBy).HasMaxLength(PointsLimits.MaxActorLength);
        // A comma-separated list ("30,7,1"), read the same way by every provider; rows from before the field get the default.
        b.Property(x => x.ExpiryNoticeDays)
            .HasConversion(new ValueConverter<int[], string>(v => ExpiryNotices.Format(v), v => ExpiryNotices.Parse(v)),
                new ValueComparer<int[]>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, d) => HashCode.Combine(h, d)), v => v.ToArray()))
            .HasMaxLength(ExpiryNotices.MaxTextLength)
            .HasDefaultValue(ExpiryNotices.DefaultDays.ToArray());
    }
}
