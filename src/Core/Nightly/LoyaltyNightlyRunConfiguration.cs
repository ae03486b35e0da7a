using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Nightly;

internal sealed class LoyaltyNightlyRunConfiguration : IEntityTypeConfiguration<LoyaltyNightlyRun>
{
    public void Configure(EntityTypeBuilder<LoyaltyNightlyRun> b)
    {
        b.ToTable("LoyaltyNightlyRuns");
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.JobRunId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Error).HasMaxLength(JobRunLimits.MaxErrorLength);
        b.HasIndex(x => new { x.TenantId, x.NightOf }).IsUnique();
    }
}
