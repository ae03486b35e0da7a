using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Points;

internal sealed class PointsActivityConfiguration : IEntityTypeConfiguration<PointsActivity>
{
    public void Configure(EntityTypeBuilder<PointsActivity> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.ActivityId).HasMaxLength(100);
        b.HasIndex(x => new { x.TenantId, x.ActivityId }).IsUnique();
        b.Property(x => x.MemberId).HasMaxLength(Ids.MaxLength);
        b.HasIndex(x => new { x.TenantId, x.MemberId, x.Id });
        b.Property(x => x.Type).HasMaxLength(60);
        b.Property(x => x.CommunityId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.ReferredMemberId).HasMaxLength(Ids.MaxLength);
        b.HasIndex(x => new { x.TenantId, x.ReferredMemberId }).IsUnique();
        b.Property(x => x.RequestHash).HasMaxLength(64);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
