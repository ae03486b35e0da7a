using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Points;

internal sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.MemberId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SourceId).HasMaxLength(PointsLimits.MaxSourceIdLength);
        b.Property(x => x.Leg).HasMaxLength(PointsLimits.MaxLegLength);
        b.Property(x => x.LotId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.RuleSetVersionId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.InputsHash).HasMaxLength(64);
        b.Property(x => x.Actor).HasMaxLength(PointsLimits.MaxActorLength);
        b.Property(x => x.Reason).HasMaxLength(PointsLimits.MaxReasonLength);
        // A replayed event, activity or request finds its key taken and writes nothing.
        b.HasIndex(x => new { x.TenantId, x.Source, x.SourceId, x.Leg }).IsUnique();
        // A member's ledger newest first (cursor by Id), and what is left of each lot.
        b.HasIndex(x => new { x.TenantId, x.MemberId, x.Id });
        b.HasIndex(x => x.LotId);
        // The nightly release and expiry find due lots without reading the rest.
        b.HasIndex(x => new { x.TenantId, x.ExpiresAt });
        b.HasIndex(x => new { x.TenantId, x.AvailableAt });
        b.Property(x => x.ReversesId).HasMaxLength(Ids.MaxLength);
        b.HasIndex(x => x.ReversesId);
        b.Property(x => x.LimitKey).HasMaxLength(PointsLimits.MaxLimitKeyLength);
        // Two concurrent activities cannot both take a period's last slot.
        b.HasIndex(x => new { x.TenantId, x.MemberId, x.LimitKey }).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PointsAccountConfiguration : IEntityTypeConfiguration<PointsAccount>
{
    public void Configure(EntityTypeBuilder<PointsAccount> b)
    {
        b.HasKey(x => x.MemberId);
        b.Property(x => x.MemberId).HasMaxLength(Ids.MaxLength);
        b.HasIndex(x => new { x.TenantId, x.Available });
        b.HasOne<Member>().WithOne().HasForeignKey<PointsAccount>(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
