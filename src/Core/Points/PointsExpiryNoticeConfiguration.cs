using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Points;

internal sealed class PointsExpiryNoticeConfiguration : IEntityTypeConfiguration<PointsExpiryNotice>
{
    public void Configure(EntityTypeBuilder<PointsExpiryNotice> b)
    {
        b.ToTable("PointsExpiryNotices");
        // The key is the once-per-member-and-day guarantee, and the index the pass's "not yet noticed" anti-join reads.
        b.HasKey(x => new { x.TenantId, x.MemberId, x.NoticeDate });
        b.Property(x => x.MemberId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.EventId).HasMaxLength(Ids.MaxLength);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
